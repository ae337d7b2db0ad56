-- Progress against target and time (docs/contract.md section 6, reporting.indicator_progress), and
-- its roll-ups per task, section, campaign and lead department. The rules are small functions so
-- that each can be checked on its own, for every comparator and basis, and the views stay readable.
-- Everything reads the consolidated values (warehouse.current_value) through index lookups, so that
-- a report or the web page costs the same on a million facts as on a thousand.

-- First day of a period written as validate.Period writes it (2024, 2024H1, 2024Q3, 2024-07).
CREATE OR REPLACE FUNCTION warehouse.period_start(p_period text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE
        WHEN p_period ~ '^\d{4}$' THEN make_date(p_period::int, 1, 1)
        WHEN p_period ~ '^\d{4}H[12]$' THEN make_date(left(p_period, 4)::int, right(p_period, 1)::int * 6 - 5, 1)
        WHEN p_period ~ '^\d{4}Q[1-4]$' THEN make_date(left(p_period, 4)::int, right(p_period, 1)::int * 3 - 2, 1)
        WHEN p_period ~ '^\d{4}-\d{2}$' THEN make_date(left(p_period, 4)::int, right(p_period, 2)::int, 1)
    END
$$;

-- A period as Chinese forms write it (2024年度, 2024年上半年, 2024年第三季度, 2024年7月), for the
-- findings' Chinese text; validate.Period#chinese writes the same on the Java side.
CREATE OR REPLACE FUNCTION warehouse.period_words(p_period text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE
        WHEN p_period ~ '^\d{4}$' THEN p_period || '年度'
        WHEN p_period ~ '^\d{4}H[12]$' THEN left(p_period, 4) || CASE right(p_period, 1) WHEN '1' THEN '年上半年' ELSE '年下半年' END
        WHEN p_period ~ '^\d{4}Q[1-4]$' THEN left(p_period, 4) || '年第' || substr('一二三四', right(p_period, 1)::int, 1) || '季度'
        WHEN p_period ~ '^\d{4}-\d{2}$' THEN left(p_period, 4) || '年' || right(p_period, 2)::int || '月'
        ELSE p_period
    END
$$;

-- 序时进度: the elapsed share of the indicator's window at a period's end, 0..1. The window runs
-- from the plan's start (2022-01-01) to the deadline (the plan's end, 2024-12-31, if none), or is
-- the calendar year of the period for annual targets. Both ends count as elapsed days, so a period
-- ending on the deadline gives 1 and one ending the day before the window gives 0.
CREATE OR REPLACE FUNCTION warehouse.expected_rate(p_basis text, p_deadline date, p_period_end date) RETURNS numeric
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
CREATE OR REPLACE FUNCTION warehouse.completion_rate(p_comparator text, p_target numeric, p_value numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT round(CASE WHEN p_comparator = '<=' THEN p_target / nullif(p_value, 0)
                      ELSE p_value / nullif(p_target, 0) END, 4)
$$;

-- achieved: the target is reached. >= and <= as written; = from 99.5% of the target (rounding) and
-- ≈ (左右) from 95% of it, and for both, beyond the target too: every = and ≈ target of the list is
-- an amount to reach (projects, a subsidy standard, an income), none is a ceiling.
-- on_track: not reached, but completion_rate >= expected_rate (ahead of or level with time).
-- behind: otherwise, or a completion rate that cannot be computed. no_data: no figure.
CREATE OR REPLACE FUNCTION warehouse.progress_status(p_comparator text, p_target numeric, p_value numeric,
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

-- reporting.indicator_progress as it stands at the end of a period (p_as_of; all figures when null),
-- with the values as they were known at a moment (p_known_at; today's when null), from the history of
-- the consolidated values (warehouse.current_value_history, reporting.indicator_value_history):
-- one row per quantitative indicator and district with data, from its latest period ending by then
-- (when several periods end that day, the longest: a year's figure over its fourth quarter's). For
-- an annual target that is the latest period's figure within its year. Plus, so that the view covers
-- the catalogue, a no_data row at 全市 for every indicator without a 全市 figure. Targets are
-- city-wide: a district's completion_rate of an indicator that adds up is its contribution to the
-- city's. remark is the department's remark (备注) on the figure shown, as written (null for a
-- derived sum).
-- The progress workbook (report --period P) reads it with the period's end, so that a report for
-- 2024Q3 made in 2025 shows the figures known for 2024Q3 and before; reporting.indicator_progress is
-- this function with no cut-off, so that the view and the report cannot drift apart; both read the
-- same history as an analyst reproducing the figures known on a past day. The latest figure of each
-- catalogue indicator and district is one lookup in warehouse.current_value_history_series_ix (at
-- most 128 × 12), bounded by the caller's date, instead of a sort of every value.
-- SECURITY DEFINER: it runs with its owner's rights, as a view does, so that the reporting reader
-- (etl.reporting.reader.*), who may read the views of this schema and nothing of warehouse, can
-- read reporting.indicator_progress; its search_path is fixed, as a definer's must be. (PostgreSQL
-- therefore computes it whole, every district, instead of inlining it into the caller's query.)
CREATE OR REPLACE FUNCTION reporting.indicator_progress_as_known(p_as_of date, p_known_at timestamptz)
RETURNS TABLE (indicator_code text, task_no smallint, district_code text, latest_period text, value numeric,
               target numeric, comparator text, completion_rate numeric, expected_rate numeric, status text,
               latest_period_end date, name text, unit text, basis text, deadline date, district_name text,
               derived boolean, department text, submission_id bigint, remark text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
WITH latest AS (
    SELECT v.indicator_code, v.district_code, v.period, v.period_end, v.value, v.derived, dep.name AS department,
           v.submission_id, v.department_code
    FROM reporting.indicator i
    CROSS JOIN reporting.district d
    CROSS JOIN LATERAL (
        SELECT v.*
        FROM warehouse.current_value_history v
        WHERE v.indicator_code = i.indicator_code AND v.district_code = d.code
          AND (p_as_of IS NULL OR v.period_end <= p_as_of)
          AND v.valid_from <= coalesce(p_known_at, 'infinity')
          AND (v.valid_to IS NULL OR v.valid_to > coalesce(p_known_at, 'infinity'))
        ORDER BY v.period_end DESC, warehouse.period_start(v.period), v.derived
        LIMIT 1) v
    LEFT JOIN reporting.department dep ON dep.code = v.department_code
    WHERE i.basis <> 'status'
),
rows AS (
    SELECT i.indicator_code, i.task_no, l.district_code, l.period, l.period_end, l.value, i.target, i.comparator,
           i.basis, i.deadline, i.name, i.unit, l.derived, l.department, l.submission_id,
           warehouse.completion_rate(i.comparator, i.target, l.value) AS completion_rate,
           warehouse.expected_rate(i.basis, i.deadline, l.period_end) AS expected_rate,
           l.department_code
    FROM reporting.indicator i
    JOIN latest l ON l.indicator_code = i.indicator_code
    UNION ALL
    SELECT i.indicator_code, i.task_no, '370300', NULL, NULL, NULL, i.target, i.comparator, i.basis, i.deadline,
           i.name, i.unit, false, NULL, NULL, NULL, NULL, NULL
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
       r.submission_id,
       f.remark
FROM rows r
LEFT JOIN reporting.district dist ON dist.code = r.district_code
LEFT JOIN warehouse.fact f ON f.submission_id = r.submission_id
     AND f.department_code = r.department_code AND f.indicator_code = r.indicator_code
     AND f.period_end = r.period_end AND f.district_code = r.district_code AND f.period = r.period
$$;

-- Today's values: what the view and the progress workbook read.
CREATE OR REPLACE FUNCTION reporting.indicator_progress_at(p_as_of date)
RETURNS TABLE (indicator_code text, task_no smallint, district_code text, latest_period text, value numeric,
               target numeric, comparator text, completion_rate numeric, expected_rate numeric, status text,
               latest_period_end date, name text, unit text, basis text, deadline date, district_name text,
               derived boolean, department text, submission_id bigint, remark text)
LANGUAGE sql STABLE AS $$
    SELECT * FROM reporting.indicator_progress_as_known(p_as_of, NULL)
$$;
COMMENT ON FUNCTION reporting.indicator_progress_as_known(date, timestamptz) IS '指标进度(按时点): reporting.indicator_progress as it stood at the end of a day (p_as_of: figures of periods ending by then; null: all), with the values as known at a moment (p_known_at; null: today''s)';
COMMENT ON FUNCTION reporting.indicator_progress_at(date) IS '指标进度(按报告期末): reporting.indicator_progress with figures of periods ending by p_as_of only, as known today; what the progress workbook reads';

CREATE OR REPLACE VIEW reporting.indicator_progress AS
SELECT * FROM reporting.indicator_progress_at(NULL);

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.indicator_progress IS '指标进度: progress against target and time per quantitative indicator and district, from its latest period with a figure; a no_data row at 全市 for every indicator without a city figure';
COMMENT ON COLUMN reporting.indicator_progress.indicator_code IS '指标编码: the indicator''s code T{task}-{nn} (T002-01); T…-00 is a task''s status (任务进展)';
COMMENT ON COLUMN reporting.indicator_progress.task_no IS '任务编号: the task''s number in the list of 113 tasks, 1..113';
COMMENT ON COLUMN reporting.indicator_progress.district_code IS '区县代码: the district''s code, GB/T 2260 (370300 全市, the whole city; 370303 张店区 …) or ZB-… for a functional zone';
COMMENT ON COLUMN reporting.indicator_progress.latest_period IS '数据期: the period the figure is of, the latest with one, as a code (2024Q3 …)';
COMMENT ON COLUMN reporting.indicator_progress.value IS '完成值: the figure, in the indicator''s unit';
COMMENT ON COLUMN reporting.indicator_progress.target IS '目标值: the target, in the indicator''s unit';
COMMENT ON COLUMN reporting.indicator_progress.comparator IS '目标关系: how a value meets the target: >= (at least), <= (at most), = (exactly), ≈ (about, 左右)';
COMMENT ON COLUMN reporting.indicator_progress.completion_rate IS '完成率: value / target (target / value for a <= target), so that 1 is just reached; for a district, its share of the city-wide target';
COMMENT ON COLUMN reporting.indicator_progress.expected_rate IS '序时进度: elapsed share of the indicator''s window at the period''s end, 0..1; the window runs from 2022-01-01 (the year''s start for annual targets) to the deadline';
COMMENT ON COLUMN reporting.indicator_progress.status IS '进度状态: achieved (已完成), on_track (序时推进: completion at least the expected progress), behind (滞后) or no_data (无数据)';
COMMENT ON COLUMN reporting.indicator_progress.latest_period_end IS '数据期末: the last day of that period';
COMMENT ON COLUMN reporting.indicator_progress.name IS '指标名称: the indicator''s short Chinese name';
COMMENT ON COLUMN reporting.indicator_progress.unit IS '计量单位: the indicator''s unit (处, 人, %, 元 …)';
COMMENT ON COLUMN reporting.indicator_progress.basis IS '统计口径: how values count: cumulative (累计, running total since 2022-01-01), annual (年度, within each calendar year), level (期末值, a rate or stock at the period''s end), status (任务进展)';
COMMENT ON COLUMN reporting.indicator_progress.deadline IS '完成时限: the day the target is due; empty for annual targets (due every year) and statuses';
COMMENT ON COLUMN reporting.indicator_progress.district_name IS '区县: the district''s name';
COMMENT ON COLUMN reporting.indicator_progress.derived IS '区县汇总: true when the figure is the sum of the districts'' figures (全市 of an indicator that adds up, where only districts reported), not a reported one';
COMMENT ON COLUMN reporting.indicator_progress.department IS '填报部门: the department whose figure it is; for a sum of districts the department that gave all of them, if only one did';
COMMENT ON COLUMN reporting.indicator_progress.submission_id IS '报送编号: the submission (file) the figure came from, see reporting.submission; empty for a sum of districts';
COMMENT ON COLUMN reporting.indicator_progress.remark IS '备注: the department''s remark on the figure, as written; empty for a sum of districts';
