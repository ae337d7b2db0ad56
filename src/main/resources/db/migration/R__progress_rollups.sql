-- The progress roll-ups per task, section, campaign and department, over reporting.indicator_progress
-- (R__progress.sql, which Flyway runs before this file).

-- The roll-ups read the 全市 (370300) row of every quantitative indicator in
-- reporting.indicator_progress (one per indicator, no_data included). average_completion averages
-- completion rates capped at 1, so that one target far exceeded does not hide another far behind;
-- indicators without a rate (no data) do not count in it.
CREATE OR REPLACE VIEW warehouse.task_indicator_progress AS
SELECT t.task_no, t.campaign_no, t.campaign_name, t.section_no, t.section_name, p.indicator_code, p.status,
       CASE WHEN p.completion_rate IS NOT NULL THEN least(p.completion_rate, 1) END AS completion
FROM reporting.task t
LEFT JOIN reporting.indicator_progress p ON p.task_no = t.task_no AND p.district_code = '370300';

-- Tasks also carry the status their leads reported for them (T…-00, latest period, 全市, first lead),
-- looked up per task (fact_task_status_ix).
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

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.task_progress IS '任务进度: per task, its quantitative indicators at 全市 by status, and the progress its leads reported';
COMMENT ON COLUMN reporting.task_progress.task_no IS '任务编号: the task''s number in the list of 113 tasks, 1..113';
COMMENT ON COLUMN reporting.task_progress.campaign_no IS '专项行动编号: the number of the campaign (专项行动), 1..5 (一 … 五)';
COMMENT ON COLUMN reporting.task_progress.section_no IS '篇章编号: the number of the section (篇章) in the list, 1..34 ((一) … (三十四))';
COMMENT ON COLUMN reporting.task_progress.indicators IS '指标数: the task''s quantitative indicators';
COMMENT ON COLUMN reporting.task_progress.achieved IS '已完成数: of them achieved (status achieved)';
COMMENT ON COLUMN reporting.task_progress.on_track IS '序时推进数: of them on track (status on_track)';
COMMENT ON COLUMN reporting.task_progress.behind IS '滞后数: of them behind (status behind)';
COMMENT ON COLUMN reporting.task_progress.no_data IS '无数据数: of them without a figure (status no_data)';
COMMENT ON COLUMN reporting.task_progress.average_completion IS '平均完成率: average of their completion rates, each capped at 1 so that one target far exceeded does not hide another far behind; indicators without a rate do not count';
COMMENT ON COLUMN reporting.task_progress.reported_status IS '报告进展: the status (T…-00) of the latest period reported at 全市, by the first lead among those who reported: not_started (未启动), in_progress (推进中), done (已完成) or delayed (滞后)';
COMMENT ON COLUMN reporting.task_progress.reported_status_period IS '进展报告期: the period of that status, as a code';

CREATE OR REPLACE VIEW reporting.section_progress AS
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

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.section_progress IS '篇章进度: per section (篇章), its quantitative indicators at 全市 by status';
COMMENT ON COLUMN reporting.section_progress.section_no IS '篇章编号: the number of the section (篇章) in the list, 1..34 ((一) … (三十四))';
COMMENT ON COLUMN reporting.section_progress.section_name IS '篇章: the section''s name as the list writes it';
COMMENT ON COLUMN reporting.section_progress.campaign_no IS '专项行动编号: the number of the campaign (专项行动), 1..5 (一 … 五)';
COMMENT ON COLUMN reporting.section_progress.tasks IS '任务数: the section''s tasks';
COMMENT ON COLUMN reporting.section_progress.indicators IS '指标数: quantitative indicators counted, at 全市';
COMMENT ON COLUMN reporting.section_progress.achieved IS '已完成数: of them achieved (status achieved)';
COMMENT ON COLUMN reporting.section_progress.on_track IS '序时推进数: of them on track (status on_track)';
COMMENT ON COLUMN reporting.section_progress.behind IS '滞后数: of them behind (status behind)';
COMMENT ON COLUMN reporting.section_progress.no_data IS '无数据数: of them without a figure (status no_data)';
COMMENT ON COLUMN reporting.section_progress.average_completion IS '平均完成率: average of their completion rates, each capped at 1 so that one target far exceeded does not hide another far behind; indicators without a rate do not count';

CREATE OR REPLACE VIEW reporting.campaign_progress AS
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

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.campaign_progress IS '专项行动进度: per campaign (专项行动), its quantitative indicators at 全市 by status';
COMMENT ON COLUMN reporting.campaign_progress.campaign_no IS '专项行动编号: the number of the campaign (专项行动), 1..5 (一 … 五)';
COMMENT ON COLUMN reporting.campaign_progress.campaign_name IS '专项行动: the campaign''s name as the list writes it';
COMMENT ON COLUMN reporting.campaign_progress.sections IS '篇章数: the campaign''s sections';
COMMENT ON COLUMN reporting.campaign_progress.tasks IS '任务数: the campaign''s tasks';
COMMENT ON COLUMN reporting.campaign_progress.indicators IS '指标数: quantitative indicators counted, at 全市';
COMMENT ON COLUMN reporting.campaign_progress.achieved IS '已完成数: of them achieved (status achieved)';
COMMENT ON COLUMN reporting.campaign_progress.on_track IS '序时推进数: of them on track (status on_track)';
COMMENT ON COLUMN reporting.campaign_progress.behind IS '滞后数: of them behind (status behind)';
COMMENT ON COLUMN reporting.campaign_progress.no_data IS '无数据数: of them without a figure (status no_data)';
COMMENT ON COLUMN reporting.campaign_progress.average_completion IS '平均完成率: average of their completion rates, each capped at 1 so that one target far exceeded does not hide another far behind; indicators without a rate do not count';

-- Every lead of a task answers for its indicators, whatever its position among the leads. Every
-- indicator's progress is computed once, then handed to each lead (joined directly, a planner short
-- of catalogue statistics recomputed it per lead: seconds).
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

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.department_progress IS '部门进度: per department leading tasks (in any position among the leads): the quantitative indicators of its tasks at 全市 by status';
COMMENT ON COLUMN reporting.department_progress.department IS '部门: the department''s canonical name';
COMMENT ON COLUMN reporting.department_progress.department_code IS '部门代码: the department''s code (edu, health …; catalogue show lists them)';
COMMENT ON COLUMN reporting.department_progress.is_group IS '成员单位组: true for a group of member units (…成员单位), which leads tasks but has no inbox of its own';
COMMENT ON COLUMN reporting.department_progress.tasks IS '任务数: the tasks it leads';
COMMENT ON COLUMN reporting.department_progress.indicators IS '指标数: quantitative indicators counted, at 全市';
COMMENT ON COLUMN reporting.department_progress.achieved IS '已完成数: of them achieved (status achieved)';
COMMENT ON COLUMN reporting.department_progress.on_track IS '序时推进数: of them on track (status on_track)';
COMMENT ON COLUMN reporting.department_progress.behind IS '滞后数: of them behind (status behind)';
COMMENT ON COLUMN reporting.department_progress.no_data IS '无数据数: of them without a figure (status no_data)';
COMMENT ON COLUMN reporting.department_progress.average_completion IS '平均完成率: average of their completion rates, each capped at 1 so that one target far exceeded does not hide another far behind; indicators without a rate do not count';
