-- The consolidated values as downstream reporting reads them: the current ones and their history,
-- kept by the functions and triggers of R__consolidated_values.sql (which Flyway runs before this file).

-- The consolidated values' public face (docs/contract.md section 6): one row per indicator, district
-- and period. Columns may grow, never change meaning.
CREATE OR REPLACE VIEW reporting.indicator_value AS
SELECT v.indicator_code,
       v.task_no,
       v.district_code,
       dist.name AS district_name,
       v.period,
       v.period_end,
       v.value,
       i.unit,
       dep.name AS department,
       v.submission_id,
       v.derived,
       v.department_code
FROM warehouse.current_value v
JOIN reporting.indicator i ON i.indicator_code = v.indicator_code
LEFT JOIN reporting.district dist ON dist.code = v.district_code
LEFT JOIN reporting.department dep ON dep.code = v.department_code;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.indicator_value IS '指标数值: the current values, one per indicator, district and period: where co-leads disagree the consolidated one (reporting.discrepancy records the disagreement), where only districts reported an indicator that adds up their sum at 全市';
COMMENT ON COLUMN reporting.indicator_value.indicator_code IS '指标编码: the indicator''s code T{task}-{nn} (T002-01); T…-00 is a task''s status (任务进展)';
COMMENT ON COLUMN reporting.indicator_value.task_no IS '任务编号: the task''s number in the list of 113 tasks, 1..113';
COMMENT ON COLUMN reporting.indicator_value.district_code IS '区县代码: the district''s code, GB/T 2260 (370300 全市, the whole city; 370303 张店区 …) or ZB-… for a functional zone';
COMMENT ON COLUMN reporting.indicator_value.district_name IS '区县: the district''s name';
COMMENT ON COLUMN reporting.indicator_value.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.indicator_value.period_end IS '报告期末: the last day of the period';
COMMENT ON COLUMN reporting.indicator_value.value IS '数值: the figure, in the indicator''s unit';
COMMENT ON COLUMN reporting.indicator_value.unit IS '计量单位: the indicator''s unit (处, 人, %, 元 …)';
COMMENT ON COLUMN reporting.indicator_value.department IS '填报部门: the department whose figure it is; for a sum of districts the department that gave all of them, if only one did';
COMMENT ON COLUMN reporting.indicator_value.submission_id IS '报送编号: the submission (file) the figure came from, see reporting.submission; empty for a sum of districts';
COMMENT ON COLUMN reporting.indicator_value.derived IS '区县汇总: true when the figure is the sum of the districts'' figures (全市 of an indicator that adds up, where only districts reported), not a reported one';
COMMENT ON COLUMN reporting.indicator_value.department_code IS '部门代码: the department''s code (edu, health …; catalogue show lists them)';

-- Every value reporting.indicator_value ever showed, with when it became current (valid_from) and
-- when it stopped being so (valid_to; null while current), so that
--   WHERE valid_from <= D AND (valid_to IS NULL OR valid_to > D)
-- gives the values as they stood at moment D, and valid_to IS NULL those of today. Columns as
-- reporting.indicator_value's, then the two times. An indicator a later catalogue dropped keeps its
-- history (no unit then).
CREATE OR REPLACE VIEW reporting.indicator_value_history AS
SELECT h.indicator_code,
       h.task_no,
       h.district_code,
       dist.name AS district_name,
       h.period,
       h.period_end,
       h.value,
       i.unit,
       dep.name AS department,
       h.submission_id,
       h.derived,
       h.department_code,
       h.valid_from,
       h.valid_to
FROM warehouse.current_value_history h
LEFT JOIN reporting.indicator i ON i.indicator_code = h.indicator_code
LEFT JOIN reporting.district dist ON dist.code = h.district_code
LEFT JOIN reporting.department dep ON dep.code = h.department_code;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.indicator_value_history IS '指标数值历史: every value reporting.indicator_value ever showed, with when it became current and when it stopped being so; valid_from <= D and (valid_to is null or valid_to > D) gives the values as known at moment D';
COMMENT ON COLUMN reporting.indicator_value_history.indicator_code IS '指标编码: the indicator''s code T{task}-{nn} (T002-01); T…-00 is a task''s status (任务进展)';
COMMENT ON COLUMN reporting.indicator_value_history.task_no IS '任务编号: the task''s number in the list of 113 tasks, 1..113';
COMMENT ON COLUMN reporting.indicator_value_history.district_code IS '区县代码: the district''s code, GB/T 2260 (370300 全市, the whole city; 370303 张店区 …) or ZB-… for a functional zone';
COMMENT ON COLUMN reporting.indicator_value_history.district_name IS '区县: the district''s name';
COMMENT ON COLUMN reporting.indicator_value_history.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.indicator_value_history.period_end IS '报告期末: the last day of the period';
COMMENT ON COLUMN reporting.indicator_value_history.value IS '数值: the figure, in the indicator''s unit';
COMMENT ON COLUMN reporting.indicator_value_history.unit IS '计量单位: the indicator''s unit (处, 人, %, 元 …)';
COMMENT ON COLUMN reporting.indicator_value_history.department IS '填报部门: the department whose figure it is; for a sum of districts the department that gave all of them, if only one did';
COMMENT ON COLUMN reporting.indicator_value_history.submission_id IS '报送编号: the submission (file) the figure came from, see reporting.submission; empty for a sum of districts';
COMMENT ON COLUMN reporting.indicator_value_history.derived IS '区县汇总: true when the figure is the sum of the districts'' figures (全市 of an indicator that adds up, where only districts reported), not a reported one';
COMMENT ON COLUMN reporting.indicator_value_history.department_code IS '部门代码: the department''s code (edu, health …; catalogue show lists them)';
COMMENT ON COLUMN reporting.indicator_value_history.valid_from IS '生效时间: when the value became current: the load that brought it, or the change that made it the consolidated one';
COMMENT ON COLUMN reporting.indicator_value_history.valid_to IS '失效时间: when it stopped being current: a resubmission replaced it, another lead''s figure or a new sum took its place; empty while current';
