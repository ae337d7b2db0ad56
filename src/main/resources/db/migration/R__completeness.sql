-- Completeness and timeliness (docs/contract.md section 6, reporting.department_completeness) against
-- the reporting calendar of warehouse.reporting_calendar (etl.calendar.*, default quarterly, due 10
-- days after the period ends; every reconcile run stores the settings it runs with).

-- Every period of the calendar from the plan's start (2022-01-01) up to the one running today, each
-- with the day its figures are due and whether it has ended. Codes are written as submissions write
-- them (2024Q3, 2024-07, 2024H1, 2024). The department page offers these, and collects the one due next.
CREATE OR REPLACE VIEW reporting.calendar_period AS
SELECT CASE c.frequency
           WHEN 'monthly' THEN to_char(s.first, 'YYYY-MM')
           WHEN 'quarterly' THEN to_char(s.first, 'YYYY') || 'Q' || extract(quarter FROM s.first)
           WHEN 'half_yearly' THEN to_char(s.first, 'YYYY') || 'H' || (CASE WHEN extract(month FROM s.first) <= 6 THEN 1 ELSE 2 END)
           ELSE to_char(s.first, 'YYYY')
       END AS period,
       s.first AS period_start,
       s.last AS period_end,
       s.last + c.due_days AS due_date,
       c.frequency,
       s.last < current_date AS ended
FROM warehouse.reporting_calendar c
CROSS JOIN LATERAL (SELECT CASE c.frequency WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
                                       WHEN 'half_yearly' THEN interval '6 months' ELSE interval '1 year' END AS step) x
CROSS JOIN LATERAL (SELECT g::date AS first, (g + x.step - interval '1 day')::date AS last
                    FROM generate_series(TIMESTAMP '2022-01-01', current_date::timestamp, x.step) AS g) s;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.calendar_period IS '日历报告期: every period of the reporting calendar (etl.calendar.*) from 2022 up to the one running today, ended or not, each with the day its figures are due';
COMMENT ON COLUMN reporting.calendar_period.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.calendar_period.period_start IS '报告期初: the first day of the period';
COMMENT ON COLUMN reporting.calendar_period.period_end IS '报告期末: the last day of the period';
COMMENT ON COLUMN reporting.calendar_period.due_date IS '截止日期: the day the period''s figures are due: its end plus etl.calendar.due-days';
COMMENT ON COLUMN reporting.calendar_period.frequency IS '报送频率: the calendar''s frequency: monthly, quarterly, half_yearly or annual';
COMMENT ON COLUMN reporting.calendar_period.ended IS '是否已结束: true once the period''s last day is past';

-- The reporting periods that have ended by today: those completeness is judged for.
CREATE OR REPLACE VIEW reporting.reporting_period AS
SELECT period, period_start, period_end, due_date, frequency
FROM reporting.calendar_period
WHERE ended;

COMMENT ON VIEW reporting.reporting_period IS '报告期: the reporting periods of the calendar (etl.calendar.*) since 2022 that have ended, each with the day its figures are due';
COMMENT ON COLUMN reporting.reporting_period.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.reporting_period.period_start IS '报告期初: the first day of the period';
COMMENT ON COLUMN reporting.reporting_period.period_end IS '报告期末: the last day of the period';
COMMENT ON COLUMN reporting.reporting_period.due_date IS '截止日期: the day the period''s figures are due: its end plus etl.calendar.due-days';
COMMENT ON COLUMN reporting.reporting_period.frequency IS '报送频率: the calendar''s frequency: monthly, quarterly, half_yearly or annual';

-- The day a period's figures are due under the calendar, for any period (one to come as well).
CREATE OR REPLACE FUNCTION reporting.due_date(p_period_end date) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT p_period_end + c.due_days FROM warehouse.reporting_calendar c
$$;

-- One department's indicators due for one period, any period (the calendar's, or one chosen on the
-- department page): those of the tasks it leads (any position), a task's status (T…-00) and annual
-- targets always, other targets until the period that holds their deadline. reported: it currently
-- has a figure for it as at the period's end (a figure of any period ending that day counts: 2024-09,
-- 2024Q3; 2024 for the fourth quarter); first_received_at: when the first file with one arrived (a
-- later correction does not make it late); last_received_at: the newest file holding a current one.
-- That department's facts of that period end are looked up per indicator
-- (fact_department_period_end_ix) instead of grouping every fact ever loaded. SQL and STABLE, not
-- STRICT, so that it is inlined into the caller's query.
CREATE OR REPLACE FUNCTION reporting.department_indicator_due(p_department text, p_period_start date, p_period_end date)
RETURNS TABLE (task_no integer, indicator_code text, indicator_name text, unit text, reported boolean,
               first_received_at timestamptz, last_received_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT i.task_no::integer, i.indicator_code, i.name, i.unit, coalesce(f.current, false),
           f.first_received_at, f.received_at
    FROM catalogue.task_lead l
    JOIN reporting.indicator i ON i.task_no = l.task_no
    CROSS JOIN LATERAL (
        -- by submission first: a file holds many figures of one indicator (its districts)
        SELECT bool_or(g.current) AS current,
               min(s.received_at) AS first_received_at,
               max(s.received_at) FILTER (WHERE g.current) AS received_at
        FROM (SELECT f.submission_id, bool_or(f.is_current) AS current
              FROM warehouse.fact f
              WHERE f.department_code = p_department AND f.indicator_code = i.indicator_code
                AND f.period_end = p_period_end
              GROUP BY f.submission_id) g
        JOIN warehouse.submission s ON s.submission_id = g.submission_id) f
    WHERE l.version_id = (SELECT version_id FROM catalogue.current_version)
      AND l.department_code = p_department
      AND (i.deadline IS NULL OR p_period_start <= i.deadline)
$$;

-- One department's completeness for one period due on p_due_date (no row when nothing is due):
--   expected  its indicators due (reporting.department_indicator_due);
--   reported  those it currently has a figure for;
--   on_time   every expected figure reported, each first received on or before the due date; null
--             while incomplete and not yet due;
--   status    on_time, late (complete after the due date), pending (incomplete, not yet due),
--             incomplete (some missing after the due date), missing (nothing reported).
-- Dates are compared in the database's time zone. SECURITY DEFINER: it runs with its owner's rights,
-- as the view that calls it does, so that the reporting reader, who may read the views of this schema
-- and nothing of catalogue or warehouse, can read reporting.department_completeness; its search_path
-- is fixed, as a definer's must be.
CREATE OR REPLACE FUNCTION reporting.department_period_completeness(p_department text, p_period_start date,
                                                                    p_period_end date, p_due_date date)
RETURNS TABLE (expected bigint, reported bigint, on_time boolean, last_submission_at timestamptz, missing bigint,
               status text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT c.expected,
           c.reported,
           CASE WHEN c.reported = c.expected THEN c.completed_at::date <= p_due_date
                WHEN current_date <= p_due_date THEN NULL
                ELSE false END,
           c.last_submission_at,
           c.expected - c.reported,
           CASE WHEN c.reported = c.expected AND c.completed_at::date <= p_due_date THEN 'on_time'
                WHEN c.reported = c.expected THEN 'late'
                WHEN current_date <= p_due_date THEN 'pending'
                WHEN c.reported = 0 THEN 'missing'
                ELSE 'incomplete' END
    FROM (SELECT count(*) AS expected,
                 count(*) FILTER (WHERE due.reported) AS reported,
                 max(due.first_received_at) FILTER (WHERE due.reported) AS completed_at,
                 max(due.last_received_at) AS last_submission_at
          FROM reporting.department_indicator_due(p_department, p_period_start, p_period_end) due
          HAVING count(*) > 0) c
$$;

-- Per department with an inbox (group leads have none) and ended reporting period, its completeness
-- as reporting.department_period_completeness judges it.
CREATE OR REPLACE VIEW reporting.department_completeness AS
SELECT d.name AS department,
       p.period,
       c.expected,
       c.reported,
       c.on_time,
       c.last_submission_at,
       d.code AS department_code,
       p.period_end,
       p.due_date,
       c.missing,
       c.status
FROM reporting.department d
CROSS JOIN reporting.reporting_period p
CROSS JOIN LATERAL reporting.department_period_completeness(d.code, p.period_start, p.period_end, p.due_date) c
WHERE NOT d.is_group;

COMMENT ON VIEW reporting.department_completeness IS '部门报送完整性: per department with an inbox and reporting period: how many of the figures it owes it has sent, and whether on time';
COMMENT ON COLUMN reporting.department_completeness.department IS '部门: the department''s canonical name';
COMMENT ON COLUMN reporting.department_completeness.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.department_completeness.expected IS '应报数: the figures it owes for the period: the status of every task it leads, and the targets of those tasks still due';
COMMENT ON COLUMN reporting.department_completeness.reported IS '已报数: how many of them it currently has a figure for, of a period ending on the period''s end';
COMMENT ON COLUMN reporting.department_completeness.on_time IS '是否按时: true when every figure it owes was first received by the due date; false when late, or incomplete after it; empty while incomplete and not yet due';
COMMENT ON COLUMN reporting.department_completeness.last_submission_at IS '最近报送时间: when its latest submission with one of these figures was received';
COMMENT ON COLUMN reporting.department_completeness.department_code IS '部门代码: the department''s code (edu, health …; catalogue show lists them)';
COMMENT ON COLUMN reporting.department_completeness.period_end IS '报告期末: the last day of the period';
COMMENT ON COLUMN reporting.department_completeness.due_date IS '截止日期: the day the figures are due';
COMMENT ON COLUMN reporting.department_completeness.missing IS '缺报数: figures owed and not sent (expected minus reported)';
COMMENT ON COLUMN reporting.department_completeness.status IS '报送状态: on_time (按时报齐), late (逾期报齐), pending (未到截止日), incomplete (未报齐) or missing (未报送)';
