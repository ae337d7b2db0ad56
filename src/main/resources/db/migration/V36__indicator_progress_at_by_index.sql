-- reporting.indicator_progress_at (V35) reads the consolidated values through V30's index lookups:
-- V35 took its rules from V25, written before warehouse.current_value (V28) and V30 landed, so the
-- view, which is this function with no cut-off, went back to sorting every current figure. Same
-- rows and columns as V35; the latest figure of each catalogue indicator and district is one lookup
-- in warehouse.current_value_series_ix, bounded by the caller's date.

CREATE OR REPLACE FUNCTION reporting.indicator_progress_at(p_as_of date)
RETURNS TABLE (indicator_code text, task_no smallint, district_code text, latest_period text, value numeric,
               target numeric, comparator text, completion_rate numeric, expected_rate numeric, status text,
               latest_period_end date, name text, unit text, basis text, deadline date, district_name text,
               derived boolean, department text, submission_id bigint, remark text)
LANGUAGE sql STABLE AS $$
WITH latest AS (
    SELECT v.indicator_code, v.district_code, v.period, v.period_end, v.value, v.derived, dep.name AS department,
           v.submission_id, v.department_code
    FROM reporting.indicator i
    CROSS JOIN reporting.district d
    CROSS JOIN LATERAL (
        SELECT v.*
        FROM warehouse.current_value v
        WHERE v.indicator_code = i.indicator_code AND v.district_code = d.code
          AND (p_as_of IS NULL OR v.period_end <= p_as_of)
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
LEFT JOIN warehouse.fact f ON f.is_current AND f.submission_id = r.submission_id
     AND f.department_code = r.department_code AND f.indicator_code = r.indicator_code
     AND f.district_code = r.district_code AND f.period = r.period
$$;
