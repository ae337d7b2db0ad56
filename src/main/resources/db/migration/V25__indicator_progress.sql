-- Progress against target and time (CONTRACT.md section 6, reporting.indicator_progress).
-- The rules are small functions so that each can be checked on its own, for every comparator and
-- basis, and the views stay readable.

-- 序时进度: the elapsed share of the indicator's window at a period's end, 0..1. The window runs
-- from the plan's start (2022-01-01) to the deadline (the plan's end, 2024-12-31, if none), or is
-- the calendar year of the period for annual targets. Both ends count as elapsed days, so a period
-- ending on the deadline gives 1 and one ending the day before the window gives 0.
CREATE FUNCTION warehouse.expected_rate(p_basis text, p_deadline date, p_period_end date) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT round(least(1, greatest(0, (p_period_end - w.first + 1)::numeric / (w.last - w.first + 1))), 4)
    FROM (SELECT CASE WHEN p_basis = 'annual' THEN make_date(extract(year FROM p_period_end)::int, 1, 1)
                      ELSE DATE '2022-01-01' END AS first,
                 CASE WHEN p_basis = 'annual' THEN make_date(extract(year FROM p_period_end)::int, 12, 31)
                      ELSE coalesce(p_deadline, DATE '2024-12-31') END AS last) w
    WHERE p_period_end IS NOT NULL
$$;

-- value / target; for a ceiling (<=) target / value, so that 1 is always "just reached" and more is
-- better. Null when undefined (a zero divisor).
CREATE FUNCTION warehouse.completion_rate(p_comparator text, p_target numeric, p_value numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT round(CASE WHEN p_comparator = '<=' THEN p_target / nullif(p_value, 0)
                      ELSE p_value / nullif(p_target, 0) END, 4)
$$;

-- achieved: the target is reached. >= and <= as written; = from 99.5% of the target (rounding) and
-- ≈ (左右) from 95% of it, and for both, beyond the target too: every = and ≈ target of the list is
-- an amount to reach (projects, a subsidy standard, an income), none is a ceiling.
-- on_track: not reached, but completion_rate >= expected_rate (ahead of or level with time).
-- behind: otherwise, or a completion rate that cannot be computed. no_data: no figure.
CREATE FUNCTION warehouse.progress_status(p_comparator text, p_target numeric, p_value numeric,
                                          p_completion numeric, p_expected numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_value IS NULL THEN 'no_data'
        WHEN p_comparator = '>=' AND p_value >= p_target
          OR p_comparator = '<=' AND p_value <= p_target
          OR p_comparator = '=' AND p_value >= p_target - 0.005 * abs(p_target)
          OR p_comparator = '≈' AND p_value >= p_target - 0.05 * abs(p_target) THEN 'achieved'
        WHEN p_completion >= p_expected THEN 'on_track'
        ELSE 'behind'
    END
$$;

-- One row per quantitative indicator and district with data, from its latest period (when several
-- periods end that day, the longest: a year's figure over its fourth quarter's). For an annual
-- target that is the latest period's figure within its year. Plus, so that the view covers the
-- catalogue, a no_data row at 全市 for every indicator without a 全市 figure. Targets are city-wide:
-- a district's completion_rate of an indicator that adds up is its contribution to the city's.
CREATE VIEW reporting.indicator_progress AS
WITH latest AS (
    SELECT DISTINCT ON (v.indicator_code, v.district_code) v.*
    FROM reporting.indicator_value v
    ORDER BY v.indicator_code, v.district_code, v.period_end DESC, warehouse.period_start(v.period), v.derived
),
rows AS (
    SELECT i.indicator_code, i.task_no, l.district_code, l.period, l.period_end, l.value, i.target, i.comparator,
           i.basis, i.deadline, i.name, i.unit, l.derived, l.department, l.submission_id,
           warehouse.completion_rate(i.comparator, i.target, l.value) AS completion_rate,
           warehouse.expected_rate(i.basis, i.deadline, l.period_end) AS expected_rate
    FROM reporting.indicator i
    JOIN latest l ON l.indicator_code = i.indicator_code
    WHERE i.basis <> 'status'
    UNION ALL
    SELECT i.indicator_code, i.task_no, '370300', NULL, NULL, NULL, i.target, i.comparator, i.basis, i.deadline,
           i.name, i.unit, false, NULL, NULL, NULL, NULL
    FROM reporting.indicator i
    WHERE i.basis <> 'status'
      AND NOT EXISTS (SELECT 1 FROM latest l WHERE l.indicator_code = i.indicator_code AND l.district_code = '370300')
)
SELECT r.indicator_code,
       r.task_no,
       r.district_code,
       r.period AS latest_period,
       r.value,
       r.target,
       r.comparator,
       r.completion_rate,
       r.expected_rate,
       warehouse.progress_status(r.comparator, r.target, r.value, r.completion_rate, r.expected_rate) AS status,
       r.period_end AS latest_period_end,
       r.name,
       r.unit,
       r.basis,
       r.deadline,
       dist.name AS district_name,
       r.derived,
       r.department,
       r.submission_id
FROM rows r
LEFT JOIN reporting.district dist ON dist.code = r.district_code;
