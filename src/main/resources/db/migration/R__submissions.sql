-- Submissions: how a submission's valid figures become facts, and the public face of what was
-- received and loaded (docs/contract.md section 6; columns may grow, never change meaning).

-- Turns the staged figures of one submission into facts and folds them into the consolidated values,
-- in the caller's transaction: the department's current facts for the periods the staged figures
-- cover are superseded (kept, not current), the staged figures become current facts, earlier
-- submissions left with no current fact become 'superseded', the staging rows go, and
-- warehouse.fold_submission recomputes the consolidated values of every key touched, once. Returns
-- how many staged figures were new, changed from the department's previous value, or unchanged.
-- Figures FactLoader copied straight into warehouse.fact (periods the department had no loaded
-- submission for) are folded too; it counts them itself.
--
-- One current fact per department, indicator, district and period holds without a unique index:
-- a department's submissions are processed one at a time, in order (Submissions.nextPending, and
-- FactLoader's lock per department, held until the load commits); a
-- file never holds the same key twice (the reader refuses it); and a figure goes straight in only
-- for a period none of the department's loaded submissions holds, or else is staged and inserted
-- here after the department's current facts of its period were superseded.
-- Many staged figures join by hash (warehouse.join_large_by_hash).
CREATE OR REPLACE FUNCTION warehouse.promote_submission(p_submission bigint, p_department text,
                                              OUT figures_new integer, OUT figures_updated integer,
                                              OUT figures_unchanged integer)
LANGUAGE plpgsql SET enable_nestloop = on AS $$
DECLARE
    staged text[];
    earlier bigint[];
    staged_count bigint;
BEGIN
    figures_new := 0;
    figures_updated := 0;
    figures_unchanged := 0;
    SELECT array_agg(DISTINCT period), count(*) INTO staged, staged_count
      FROM staging.figure WHERE submission_id = p_submission;
    PERFORM warehouse.join_large_by_hash(staged_count);
    IF staged IS NOT NULL THEN
        SELECT count(*) FILTER (WHERE p.fact_id IS NULL),
               count(*) FILTER (WHERE p.fact_id IS NOT NULL
                                 AND (p.value IS DISTINCT FROM s.value OR p.status IS DISTINCT FROM s.status)),
               count(*) FILTER (WHERE p.fact_id IS NOT NULL
                                 AND NOT (p.value IS DISTINCT FROM s.value OR p.status IS DISTINCT FROM s.status))
          INTO figures_new, figures_updated, figures_unchanged
          FROM staging.figure s
          LEFT JOIN warehouse.fact p
            ON p.is_current AND p.department_code = p_department AND p.indicator_code = s.indicator_code
           AND p.district_code = s.district_code AND p.period = s.period
         WHERE s.submission_id = p_submission;

        -- the department's current facts are those of its loaded submissions (a superseded one has none)
        SELECT array_agg(submission_id) INTO earlier
          FROM warehouse.submission
         WHERE department_code = p_department AND status = 'loaded' AND periods && staged
           AND submission_id <> p_submission;

        UPDATE warehouse.fact f
           SET is_current = false, superseded_by = p_submission
         WHERE f.submission_id = ANY (earlier) AND f.period = ANY (staged) AND f.is_current;

        INSERT INTO warehouse.fact (submission_id, department_code, indicator_code, task_no, district_code, period,
                                    period_end, value, status, remark, reported_text, reported_unit, sheet, row_no,
                                    column_name)
        SELECT submission_id, p_department, indicator_code, task_no, district_code, period, period_end, value, status,
               remark, reported_text, reported_unit, sheet, row_no, column_name
          FROM staging.figure
         WHERE submission_id = p_submission;

        UPDATE warehouse.submission s
           SET status = 'superseded', superseded_by = p_submission
         WHERE s.submission_id = ANY (earlier)
           AND NOT EXISTS (SELECT 1 FROM warehouse.fact f WHERE f.submission_id = s.submission_id AND f.is_current);

        DELETE FROM staging.figure WHERE submission_id = p_submission;
    END IF;
    PERFORM warehouse.fold_submission(p_submission, earlier, staged);
END
$$;

-- The counts count figures: loaded = new + updated + unchanged; a rejected file loads none, so all
-- its figures count as rejected: rows_rejected = rows_invalid (with a problem) + rows_withheld (valid
-- in themselves, not loaded because the file was refused). reading says how the file was read.
CREATE OR REPLACE VIEW reporting.submission AS
SELECT s.submission_id,
       coalesce(d.name, s.inbox_folder) AS department,
       s.file_name,
       s.sha256,
       s.received_at,
       s.status,
       s.figures_total AS rows_total,
       s.figures_new + s.figures_updated + s.figures_unchanged AS rows_loaded,
       s.figures_total - (s.figures_new + s.figures_updated + s.figures_unchanged) AS rows_rejected,
       s.receipt_path,
       s.department_code,
       s.processed_at,
       s.periods,
       s.figures_new AS rows_new,
       s.figures_updated AS rows_updated,
       s.figures_unchanged AS rows_unchanged,
       s.figures_invalid AS rows_invalid,
       s.duplicate_of,
       s.superseded_by,
       s.figures_withheld AS rows_withheld,
       s.reading
FROM warehouse.submission s
LEFT JOIN reporting.department d ON d.code = s.department_code;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.submission IS '报送文件: every file received from a department, with what became of it and its figures counted';
COMMENT ON COLUMN reporting.submission.submission_id IS '报送编号: the submission''s number, one per file received';
COMMENT ON COLUMN reporting.submission.department IS '报送部门: the department''s name, or the inbox folder when it names no known department';
COMMENT ON COLUMN reporting.submission.file_name IS '文件名: the file''s name as received';
COMMENT ON COLUMN reporting.submission.sha256 IS '文件指纹: SHA-256 of the file''s bytes, as archived';
COMMENT ON COLUMN reporting.submission.received_at IS '接收时间: when the file was taken from the inbox';
COMMENT ON COLUMN reporting.submission.status IS '处理状态: received (处理中), loaded (已入库), rejected (已退回), duplicate (重复文件) or superseded (已被更正: later files replaced all its figures)';
COMMENT ON COLUMN reporting.submission.rows_total IS '数值总数: the figures the file holds';
COMMENT ON COLUMN reporting.submission.rows_loaded IS '入库数: figures loaded (new, updated and unchanged)';
COMMENT ON COLUMN reporting.submission.rows_rejected IS '退回数: figures not loaded';
COMMENT ON COLUMN reporting.submission.receipt_path IS '回执路径: where its receipt (回执) was written';
COMMENT ON COLUMN reporting.submission.department_code IS '部门代码: the department''s code (edu, health …; catalogue show lists them)';
COMMENT ON COLUMN reporting.submission.processed_at IS '处理时间: when it was checked and loaded or refused';
COMMENT ON COLUMN reporting.submission.periods IS '报告期: the periods its figures are of, as codes';
COMMENT ON COLUMN reporting.submission.rows_new IS '新增数: figures loaded where the department had none before';
COMMENT ON COLUMN reporting.submission.rows_updated IS '更新数: figures loaded that changed the department''s earlier value';
COMMENT ON COLUMN reporting.submission.rows_unchanged IS '未变数: figures loaded that repeat the department''s earlier value';
COMMENT ON COLUMN reporting.submission.rows_invalid IS '错误数: figures with an error of their own (a refused file''s other figures are rejected without one)';
COMMENT ON COLUMN reporting.submission.duplicate_of IS '重复于: for a duplicate, the earlier submission with the same bytes';
COMMENT ON COLUMN reporting.submission.superseded_by IS '更正于: for a superseded one, the submission that replaced its figures';
COMMENT ON COLUMN reporting.submission.rows_withheld IS '未入库的有效数值: figures valid in themselves but not loaded because the file was refused whole (part of rows_rejected)';
COMMENT ON COLUMN reporting.submission.reading IS '读取方式: how the file was read, as its receipt says at the top: sheets, header rows, columns, layout, where period and unit came from';

CREATE OR REPLACE VIEW reporting.submission_error AS
SELECT e.submission_id, e.sheet, e.row_no, e.column_name, e.value, e.code, e.message
FROM warehouse.submission_error e;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.submission_error IS '报送问题: the problems found in submissions, one per figure or cell, or one for a whole file';
COMMENT ON COLUMN reporting.submission_error.submission_id IS '报送编号: the submission the problem is in';
COMMENT ON COLUMN reporting.submission_error.sheet IS '工作表: the sheet''s name; empty for a CSV file';
COMMENT ON COLUMN reporting.submission_error.row_no IS '行号: the row as Excel or a text editor numbers it (from 1, title and header rows counted); empty for a problem of the whole file';
COMMENT ON COLUMN reporting.submission_error.column_name IS '列名: the column''s header as written in the file';
COMMENT ON COLUMN reporting.submission_error.value IS '原值: the cell as written';
COMMENT ON COLUMN reporting.submission_error.code IS '问题代码: the problem''s code (not_a_number, unknown_indicator …)';
COMMENT ON COLUMN reporting.submission_error.message IS '问题说明: the problem and what to do about it, in Chinese, as the receipt says it';

-- The status (T…-00) and narrative each lead reported for its tasks, as current facts.
CREATE OR REPLACE VIEW reporting.task_status AS
SELECT f.task_no,
       dep.name AS department,
       f.period,
       f.status,
       f.remark AS narrative,
       f.submission_id,
       f.district_code,
       f.department_code
FROM warehouse.fact f
LEFT JOIN reporting.department dep ON dep.code = f.department_code
WHERE f.is_current AND f.status IS NOT NULL;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.task_status IS '任务进展: the status each lead reported for its tasks (T…-00), per period and district, with its narrative; current figures only';
COMMENT ON COLUMN reporting.task_status.task_no IS '任务编号: the task''s number in the list of 113 tasks, 1..113';
COMMENT ON COLUMN reporting.task_status.department IS '填报部门: the department that reported it';
COMMENT ON COLUMN reporting.task_status.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.task_status.status IS '进展状态: not_started (未启动), in_progress (推进中), done (已完成) or delayed (滞后)';
COMMENT ON COLUMN reporting.task_status.narrative IS '进展说明: the narrative the department wrote with it';
COMMENT ON COLUMN reporting.task_status.submission_id IS '报送编号: the submission it came from, see reporting.submission';
COMMENT ON COLUMN reporting.task_status.district_code IS '区县代码: the district''s code, GB/T 2260 (370300 全市, the whole city; 370303 张店区 …) or ZB-… for a functional zone';
COMMENT ON COLUMN reporting.task_status.department_code IS '部门代码: the department''s code (edu, health …; catalogue show lists them)';

-- Closing a reporting period once the city office has signed off its figures: later submissions
-- for it are refused. Every close and reopen is kept (warehouse.period_event); the latest decides.
CREATE OR REPLACE VIEW reporting.period_status AS
SELECT DISTINCT ON (period) period,
       action = 'close' AS closed,
       at AS changed_at,
       reason,
       actor
FROM warehouse.period_event
ORDER BY period, event_id DESC;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.period_status IS '报告期锁定: the periods that were ever closed or reopened, as the latest close or reopen left them';
COMMENT ON COLUMN reporting.period_status.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.period_status.closed IS '已锁定: true when closed: the city office signed off its figures and later submissions for it are refused';
COMMENT ON COLUMN reporting.period_status.changed_at IS '变更时间: when it was last closed or reopened';
COMMENT ON COLUMN reporting.period_status.reason IS '原因: why, as the operator wrote it';
COMMENT ON COLUMN reporting.period_status.actor IS '操作人: who closed or reopened it';

-- Per department: how its submissions ended and how many current figures it holds, for the
-- progress overview. Departments that never sent anything are listed too (with zeros), so that
-- silence shows.
CREATE OR REPLACE VIEW reporting.department_activity AS
SELECT d.code AS department_code,
       d.name AS department,
       coalesce(s.submissions, 0) AS submissions,
       coalesce(s.loaded, 0) AS loaded,
       coalesce(s.rejected, 0) AS rejected,
       coalesce(s.duplicate, 0) AS duplicate,
       coalesce(s.superseded, 0) AS superseded,
       coalesce(s.waiting, 0) AS waiting,
       coalesce(f.figures, 0) AS figures_current,
       coalesce(f.indicators, 0) AS indicators_reported,
       s.last_received_at
FROM reporting.department d
LEFT JOIN (
    SELECT department_code,
           count(*) AS submissions,
           count(*) FILTER (WHERE status = 'loaded') AS loaded,
           count(*) FILTER (WHERE status = 'rejected') AS rejected,
           count(*) FILTER (WHERE status = 'duplicate') AS duplicate,
           count(*) FILTER (WHERE status = 'superseded') AS superseded,
           count(*) FILTER (WHERE status = 'received') AS waiting,
           max(received_at) AS last_received_at
      FROM warehouse.submission
     GROUP BY department_code) s ON s.department_code = d.code
LEFT JOIN (
    SELECT department_code, count(*) AS figures, count(DISTINCT indicator_code) AS indicators
      FROM warehouse.fact
     WHERE is_current
     GROUP BY department_code) f ON f.department_code = d.code
WHERE NOT d.is_group;

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.department_activity IS '部门报送概况: per department with an inbox: its submissions by outcome and the current figures it holds; departments that never sent anything are listed with zeros';
COMMENT ON COLUMN reporting.department_activity.department_code IS '部门代码: the department''s code (edu, health …; catalogue show lists them)';
COMMENT ON COLUMN reporting.department_activity.department IS '部门: the department''s canonical name';
COMMENT ON COLUMN reporting.department_activity.submissions IS '报送文件数: files received from it';
COMMENT ON COLUMN reporting.department_activity.loaded IS '已入库数: of them loaded';
COMMENT ON COLUMN reporting.department_activity.rejected IS '已退回数: of them refused';
COMMENT ON COLUMN reporting.department_activity.duplicate IS '重复文件数: of them duplicates';
COMMENT ON COLUMN reporting.department_activity.superseded IS '已被更正数: of them replaced by later files';
COMMENT ON COLUMN reporting.department_activity.waiting IS '处理中数: of them not yet processed';
COMMENT ON COLUMN reporting.department_activity.figures_current IS '现行数值数: the current figures it holds (its own, before consolidation)';
COMMENT ON COLUMN reporting.department_activity.indicators_reported IS '已报指标数: the indicators among them';
COMMENT ON COLUMN reporting.department_activity.last_received_at IS '最近接收时间: when its latest file was received';
