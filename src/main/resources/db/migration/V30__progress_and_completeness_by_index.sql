-- The progress and completeness views of V25–V27, same columns and rules, read through indexes so
-- that a report or the web page costs the same on a million facts as on a thousand:
--   * indicator_progress looks up the latest value of each catalogue indicator and district (at most
--     128 × 12 lookups in warehouse.current_value_series_ix) instead of sorting every value;
--   * task_progress looks up the latest reported status of each task (fact_task_status_ix);
--   * department_progress computes every indicator's progress once, then hands it to each lead
--     (joined directly, a planner short of catalogue statistics recomputed it per lead: seconds);
--   * department_completeness looks up, per department, indicator and period due, that department's
--     facts of that period end, instead of grouping every fact ever loaded.

CREATE OR REPLACE VIEW reporting.indicator_progress AS
WITH latest AS (
    SELECT v.indicator_code, v.district_code, v.period, v.period_end, v.value, v.derived, dep.name AS department,
           v.submission_id
    FROM reporting.indicator i
    CROSS JOIN reporting.district d
    CROSS JOIN LATERAL (
        SELECT v.*
        FROM warehouse.current_value v
        WHERE v.indicator_code = i.indicator_code AND v.district_code = d.code
        ORDER BY v.period_end DESC, warehouse.period_start(v.period), v.derived
        LIMIT 1) v
    LEFT JOIN reporting.department dep ON dep.code = v.department_code
    WHERE i.basis <> 'status'
),
rows AS (
    SELECT i.indicator_code, i.task_no, l.district_code, l.period, l.period_end, l.value, i.target, i.comparator,
           i.basis, i.deadline, i.name, i.unit, l.derived, l.department, l.submission_id,
           warehouse.completion_rate(i.comparator, i.target, l.value) AS completion_rate,
           warehouse.expected_rate(i.basis, i.deadline, l.period_end) AS expected_rate
    FROM reporting.indicator i
    JOIN latest l ON l.indicator_code = i.indicator_code
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

-- The status rows of tasks at 全市, latest first: what task_progress reads.
CREATE INDEX fact_task_status_ix ON warehouse.fact (task_no, period_end DESC)
    WHERE is_current AND status IS NOT NULL AND district_code = '370300';

-- Tasks also carry the status their leads reported for them (T…-00, latest period, 全市, first lead),
-- as V26, looked up per task.
CREATE OR REPLACE VIEW reporting.task_progress AS
WITH reported AS (
    SELECT t.task_no, r.period, r.status
    FROM reporting.task t
    CROSS JOIN LATERAL (
        SELECT f.period, f.status
        FROM warehouse.fact f
        LEFT JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
              AND l.task_no = f.task_no AND l.department_code = f.department_code
        WHERE f.task_no = t.task_no AND f.is_current AND f.status IS NOT NULL AND f.district_code = '370300'
        ORDER BY f.period_end DESC, warehouse.period_start(f.period), l.position NULLS LAST, f.fact_id DESC
        LIMIT 1) r
)
SELECT p.task_no, p.campaign_no, p.section_no,
       count(p.indicator_code) AS indicators,
       count(*) FILTER (WHERE p.status = 'achieved') AS achieved,
       count(*) FILTER (WHERE p.status = 'on_track') AS on_track,
       count(*) FILTER (WHERE p.status = 'behind') AS behind,
       count(*) FILTER (WHERE p.status = 'no_data') AS no_data,
       round(avg(p.completion), 4) AS average_completion,
       r.status AS reported_status,
       r.period AS reported_status_period
FROM warehouse.task_indicator_progress p
LEFT JOIN reported r ON r.task_no = p.task_no
GROUP BY p.task_no, p.campaign_no, p.section_no, r.status, r.period;

-- A department's facts of one indicator and period end, current or not (completeness, timeliness).
CREATE INDEX fact_department_period_end_ix ON warehouse.fact (department_code, indicator_code, period_end);

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

CREATE OR REPLACE VIEW reporting.department_progress AS
WITH p AS MATERIALIZED (
    SELECT * FROM warehouse.task_indicator_progress
)
SELECT d.name AS department, d.code AS department_code, d.is_group,
       count(DISTINCT p.task_no) AS tasks,
       count(p.indicator_code) AS indicators,
       count(*) FILTER (WHERE p.status = 'achieved') AS achieved,
       count(*) FILTER (WHERE p.status = 'on_track') AS on_track,
       count(*) FILTER (WHERE p.status = 'behind') AS behind,
       count(*) FILTER (WHERE p.status = 'no_data') AS no_data,
       round(avg(p.completion), 4) AS average_completion
FROM reporting.department d
JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
     AND l.department_code = d.code
JOIN p ON p.task_no = l.task_no
GROUP BY d.name, d.code, d.is_group;
