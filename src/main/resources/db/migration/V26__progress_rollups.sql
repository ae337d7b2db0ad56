-- Progress rolled up per task, section, campaign and lead department, from the 全市 (370300) row of
-- every quantitative indicator in reporting.indicator_progress (one per indicator, no_data included).
-- average_completion averages completion rates capped at 1, so that one target far exceeded does
-- not hide another far behind; indicators without a rate (no data) do not count in it.

CREATE VIEW warehouse.task_indicator_progress AS
SELECT t.task_no, t.campaign_no, t.campaign_name, t.section_no, t.section_name, p.indicator_code, p.status,
       CASE WHEN p.completion_rate IS NOT NULL THEN least(p.completion_rate, 1) END AS completion
FROM reporting.task t
LEFT JOIN reporting.indicator_progress p ON p.task_no = t.task_no AND p.district_code = '370300';

-- Tasks also carry the status their leads reported for them (T…-00, latest period, 全市, first lead).
CREATE VIEW reporting.task_progress AS
WITH reported AS (
    SELECT DISTINCT ON (f.task_no) f.task_no, f.period, f.status
    FROM warehouse.fact f
    LEFT JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
          AND l.task_no = f.task_no AND l.department_code = f.department_code
    WHERE f.is_current AND f.status IS NOT NULL AND f.district_code = '370300'
    ORDER BY f.task_no, f.period_end DESC, warehouse.period_start(f.period), l.position NULLS LAST, f.fact_id DESC
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

CREATE VIEW reporting.section_progress AS
SELECT p.section_no, p.section_name, p.campaign_no,
       count(DISTINCT p.task_no) AS tasks,
       count(p.indicator_code) AS indicators,
       count(*) FILTER (WHERE p.status = 'achieved') AS achieved,
       count(*) FILTER (WHERE p.status = 'on_track') AS on_track,
       count(*) FILTER (WHERE p.status = 'behind') AS behind,
       count(*) FILTER (WHERE p.status = 'no_data') AS no_data,
       round(avg(p.completion), 4) AS average_completion
FROM warehouse.task_indicator_progress p
GROUP BY p.section_no, p.section_name, p.campaign_no;

CREATE VIEW reporting.campaign_progress AS
SELECT p.campaign_no, p.campaign_name,
       count(DISTINCT p.section_no) AS sections,
       count(DISTINCT p.task_no) AS tasks,
       count(p.indicator_code) AS indicators,
       count(*) FILTER (WHERE p.status = 'achieved') AS achieved,
       count(*) FILTER (WHERE p.status = 'on_track') AS on_track,
       count(*) FILTER (WHERE p.status = 'behind') AS behind,
       count(*) FILTER (WHERE p.status = 'no_data') AS no_data,
       round(avg(p.completion), 4) AS average_completion
FROM warehouse.task_indicator_progress p
GROUP BY p.campaign_no, p.campaign_name;

-- Every lead of a task answers for its indicators, whatever its position among the leads.
CREATE VIEW reporting.department_progress AS
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
JOIN warehouse.task_indicator_progress p ON p.task_no = l.task_no
GROUP BY d.name, d.code, d.is_group;
