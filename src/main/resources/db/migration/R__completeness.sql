-- Completeness and timeliness (docs/contract.md section 6, reporting.department_completeness) against
-- the reporting calendar of warehouse.reporting_calendar (etl.calendar.*, default quarterly, due 10
-- days after the period ends; every reconcile run stores the settings it runs with).

-- The reporting periods from the plan's start (2022-01-01) that have ended by today, each with the
-- day its figures are due. Codes are written as submissions write them (2024Q3, 2024-07, 2024H1, 2024).
CREATE OR REPLACE VIEW reporting.reporting_period AS
SELECT CASE c.frequency
           WHEN 'monthly' THEN to_char(s.first, 'YYYY-MM')
           WHEN 'quarterly' THEN to_char(s.first, 'YYYY') || 'Q' || extract(quarter FROM s.first)
           WHEN 'half_yearly' THEN to_char(s.first, 'YYYY') || 'H' || (CASE WHEN extract(month FROM s.first) <= 6 THEN 1 ELSE 2 END)
           ELSE to_char(s.first, 'YYYY')
       END AS period,
       s.first AS period_start,
       s.last AS period_end,
       s.last + c.due_days AS due_date,
       c.frequency
FROM warehouse.reporting_calendar c
CROSS JOIN LATERAL (SELECT CASE c.frequency WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
                                       WHEN 'half_yearly' THEN interval '6 months' ELSE interval '1 year' END AS step) x
CROSS JOIN LATERAL (SELECT g::date AS first, (g + x.step - interval '1 day')::date AS last
                    FROM generate_series(TIMESTAMP '2022-01-01', current_date::timestamp, x.step) AS g) s
WHERE s.last < current_date;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.reporting_period IS '报告期: the reporting periods of the calendar (etl.calendar.*) since 2022 that have ended, each with the day its figures are due';
COMMENT ON COLUMN reporting.reporting_period.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.reporting_period.period_start IS '报告期初: the first day of the period';
COMMENT ON COLUMN reporting.reporting_period.period_end IS '报告期末: the last day of the period';
COMMENT ON COLUMN reporting.reporting_period.due_date IS '截止日期: the day the period''s figures are due: its end plus etl.calendar.due-days';
COMMENT ON COLUMN reporting.reporting_period.frequency IS '报送频率: the calendar''s frequency: monthly, quarterly, half_yearly or annual';

-- Per department with an inbox (group leads have none) and reporting period:
--   expected  indicators of the tasks it leads (any position) that are due: a task's status (T…-00)
--             and annual targets always, other targets until the period that holds their deadline;
--   reported  those of them it currently has a figure for, as at the period's end (a figure of any
--             period ending that day counts: 2024-09, 2024Q3; 2024 for the fourth quarter);
--   on_time   every expected figure reported, each first received (a later correction does not
--             make it late) on or before the due date; null while incomplete and not yet due;
--   status    on_time, late (complete after the due date), pending (incomplete, not yet due),
--             incomplete (some missing after the due date), missing (nothing reported).
-- Dates are compared in the database's time zone. Per department, indicator and period due, that
-- department's facts of that period end are looked up (fact_department_period_end_ix) instead of
-- grouping every fact ever loaded.
CREATE OR REPLACE VIEW reporting.department_completeness AS
WITH due AS (
    SELECT d.code, d.name, p.period, p.period_start, p.period_end, p.due_date, i.indicator_code
    FROM reporting.department d
    JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
         AND l.department_code = d.code
    JOIN reporting.indicator i ON i.task_no = l.task_no
    CROSS JOIN reporting.reporting_period p
    WHERE NOT d.is_group
      AND (i.deadline IS NULL OR p.period_start <= i.deadline)
),
counted AS (
    SELECT due.code, due.name, due.period, due.period_end, due.due_date,
           count(*) AS expected,
           count(*) FILTER (WHERE f.current) AS reported,
           max(f.first_received_at) FILTER (WHERE f.current) AS completed_at,
           max(f.received_at) AS last_submission_at
    FROM due
    CROSS JOIN LATERAL (
        -- by submission first: a file holds many figures of one indicator (its districts)
        SELECT bool_or(g.current) AS current,
               min(s.received_at) AS first_received_at,
               max(s.received_at) FILTER (WHERE g.current) AS received_at
        FROM (SELECT f.submission_id, bool_or(f.is_current) AS current
              FROM warehouse.fact f
              WHERE f.department_code = due.code AND f.indicator_code = due.indicator_code
                AND f.period_end = due.period_end
              GROUP BY f.submission_id) g
        JOIN warehouse.submission s ON s.submission_id = g.submission_id) f
    GROUP BY due.code, due.name, due.period, due.period_end, due.due_date
)
SELECT c.name AS department,
       c.period,
       c.expected,
       c.reported,
       CASE WHEN c.reported = c.expected THEN c.completed_at::date <= c.due_date
            WHEN current_date <= c.due_date THEN NULL
            ELSE false END AS on_time,
       c.last_submission_at,
       c.code AS department_code,
       c.period_end,
       c.due_date,
       c.expected - c.reported AS missing,
       CASE WHEN c.reported = c.expected AND c.completed_at::date <= c.due_date THEN 'on_time'
            WHEN c.reported = c.expected THEN 'late'
            WHEN current_date <= c.due_date THEN 'pending'
            WHEN c.reported = 0 THEN 'missing'
            ELSE 'incomplete' END AS status
FROM counted c;

-- The data dictionary (docs/reporting.md shows the same text).
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
