-- reporting.indicator_progress as it stood at the end of a period, for the progress workbook
-- (report --period P): a report for 2024Q3 made in 2025 shows the figures known for 2024Q3 and
-- before, not 2024Q4's. The rules are those of V25, moved into one function so that the view and the
-- report cannot drift apart: reporting.indicator_progress is now the function with no cut-off.
--
-- reporting.indicator_progress_at(p_as_of): the same rows and columns as reporting.indicator_progress,
-- from figures of periods ending on or before p_as_of (all of them when null), plus
--   remark  the department's remark (备注) on the figure shown, as written (null for a derived sum).
-- A set-returning SQL function that is STABLE and not STRICT is inlined into the calling query by
-- PostgreSQL, so the view plans as before and a date given by the caller filters the scan.

CREATE FUNCTION reporting.indicator_progress_at(p_as_of date)
RETURNS TABLE (indicator_code text, task_no smallint, district_code text, latest_period text, value numeric,
               target numeric, comparator text, completion_rate numeric, expected_rate numeric, status text,
               latest_period_end date, name text, unit text, basis text, deadline date, district_name text,
               derived boolean, department text, submission_id bigint, remark text)
LANGUAGE sql STABLE AS $$
WITH latest AS (
    SELECT DISTINCT ON (v.indicator_code, v.district_code) v.*
    FROM reporting.indicator_value v
    WHERE p_as_of IS NULL OR v.period_end <= p_as_of
    ORDER BY v.indicator_code, v.district_code, v.period_end DESC, warehouse.period_start(v.period), v.derived
),
rows AS (
    SELECT i.indicator_code, i.task_no, l.district_code, l.period, l.period_end, l.value, i.target, i.comparator,
           i.basis, i.deadline, i.name, i.unit, l.derived, l.department, l.submission_id,
           warehouse.completion_rate(i.comparator, i.target, l.value) AS completion_rate,
           warehouse.expected_rate(i.basis, i.deadline, l.period_end) AS expected_rate,
           l.department_code
    FROM reporting.indicator i
    JOIN latest l ON l.indicator_code = i.indicator_code
    WHERE i.basis <> 'status'
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

CREATE OR REPLACE VIEW reporting.indicator_progress AS
SELECT * FROM reporting.indicator_progress_at(NULL);
