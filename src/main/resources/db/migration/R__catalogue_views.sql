-- The catalogue's public face (docs/contract.md section 6): the tasks, indicators, departments and
-- districts of the current catalogue version. Columns may grow, never change meaning.
-- Every other area reads the catalogue through these views, which is why this file's name sorts
-- first among the repeatable migrations (docs/database.md).

-- The catalogue is versioned (every distinct set of seed files is one version, kept for ever); the
-- current one is the version activated last.
CREATE OR REPLACE VIEW catalogue.current_version AS
SELECT version_id
FROM catalogue.version
ORDER BY activated_at DESC, version_id DESC
LIMIT 1;

CREATE OR REPLACE VIEW reporting.task AS
SELECT t.task_no,
       c.campaign_no,
       c.name AS campaign_name,
       s.section_no,
       s.name AS section_name,
       t.task_text,
       ARRAY(SELECT d.name
             FROM catalogue.task_lead l
             JOIN catalogue.department d ON d.version_id = l.version_id AND d.code = l.department_code
             WHERE l.version_id = t.version_id AND l.task_no = t.task_no
             ORDER BY l.position) AS lead_departments
FROM catalogue.task t
JOIN catalogue.current_version v ON v.version_id = t.version_id
JOIN catalogue.section s ON s.version_id = t.version_id AND s.section_no = t.section_no
JOIN catalogue.campaign c ON c.version_id = s.version_id AND c.campaign_no = s.campaign_no;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.task IS '任务: the 113 key tasks of the current catalogue version, one row each';
COMMENT ON COLUMN reporting.task.task_no IS '任务编号: the task''s number in the list of 113 tasks, 1..113';
COMMENT ON COLUMN reporting.task.campaign_no IS '专项行动编号: the number of the campaign (专项行动), 1..5 (一 … 五)';
COMMENT ON COLUMN reporting.task.campaign_name IS '专项行动: the campaign''s name as the list writes it';
COMMENT ON COLUMN reporting.task.section_no IS '篇章编号: the number of the section (篇章) in the list, 1..34 ((一) … (三十四))';
COMMENT ON COLUMN reporting.task.section_name IS '篇章: the section''s name as the list writes it';
COMMENT ON COLUMN reporting.task.task_text IS '任务内容: the task''s full text as the list writes it';
COMMENT ON COLUMN reporting.task.lead_departments IS '牵头部门: the lead departments'' canonical names, in the order the list writes them (groups of member units included)';

CREATE OR REPLACE VIEW reporting.indicator AS
SELECT i.indicator_code, i.task_no, i.name, i.unit, i.comparator, i.target, i.basis,
       i.deadline, i.additive, i.source_phrase
FROM catalogue.indicator i
JOIN catalogue.current_version v ON v.version_id = i.version_id;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.indicator IS '指标: the indicators of the current catalogue version: every quantitative target of a task (T…-01 …) and each task''s status (T…-00)';
COMMENT ON COLUMN reporting.indicator.indicator_code IS '指标编码: the indicator''s code T{task}-{nn} (T002-01); T…-00 is a task''s status (任务进展)';
COMMENT ON COLUMN reporting.indicator.task_no IS '任务编号: the task the indicator belongs to, 1..113';
COMMENT ON COLUMN reporting.indicator.name IS '指标名称: the indicator''s short Chinese name';
COMMENT ON COLUMN reporting.indicator.unit IS '计量单位: the unit its values are kept in (处, 人, %, 元 …); empty for a status';
COMMENT ON COLUMN reporting.indicator.comparator IS '目标关系: how a value meets the target: >= (at least), <= (at most), = (exactly), ≈ (about, 左右)';
COMMENT ON COLUMN reporting.indicator.target IS '目标值: the target, in the indicator''s unit';
COMMENT ON COLUMN reporting.indicator.basis IS '统计口径: how values count: cumulative (累计, running total since 2022-01-01), annual (年度, within each calendar year), level (期末值, a rate or stock at the period''s end), status (任务进展)';
COMMENT ON COLUMN reporting.indicator.deadline IS '完成时限: the day the target is due; empty for annual targets (due every year) and statuses';
COMMENT ON COLUMN reporting.indicator.additive IS '可累加: true when the districts'' values add up to the city''s (counts, amounts); false for rates, averages and statuses';
COMMENT ON COLUMN reporting.indicator.source_phrase IS '原文: the exact phrase of the task''s text the target comes from';

CREATE OR REPLACE VIEW reporting.department AS
SELECT d.code, d.name, d.name_en, d.aliases, d.is_group
FROM catalogue.department d
JOIN catalogue.current_version v ON v.version_id = d.version_id;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.department IS '部门: the departments of the current catalogue version, lead departments and groups of member units';
COMMENT ON COLUMN reporting.department.code IS '部门代码: the department''s code (edu, health …), used in settings, logins and file names';
COMMENT ON COLUMN reporting.department.name IS '部门名称: the canonical Chinese name';
COMMENT ON COLUMN reporting.department.name_en IS '英文名称: the English name';
COMMENT ON COLUMN reporting.department.aliases IS '别名: other names that mean this department (spelling variants, second names, short names)';
COMMENT ON COLUMN reporting.department.is_group IS '成员单位组: true for a group of member units (…成员单位), which leads tasks but has no inbox of its own';

CREATE OR REPLACE VIEW reporting.district AS
SELECT d.code, d.name, d.short_name, d.kind
FROM catalogue.district d
JOIN catalogue.current_version v ON v.version_id = d.version_id;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.district IS '区县: the city, its districts and counties, and its functional zones';
COMMENT ON COLUMN reporting.district.code IS '区县代码: GB/T 2260 code (370300 全市, 370303 张店区 …), or ZB-GXQ, ZB-JKQ, ZB-WCH for the functional zones';
COMMENT ON COLUMN reporting.district.name IS '区县名称: the full name';
COMMENT ON COLUMN reporting.district.short_name IS '简称: the short name (高新区 …)';
COMMENT ON COLUMN reporting.district.kind IS '类别: city (全市), district (区), county (县) or zone (功能区)';
