-- Submissions: how a submission's valid figures become facts, and the public face of what was
-- received and loaded (docs/contract.md section 6; columns may grow, never change meaning).

-- Turns the staged figures of one submission into facts, in the caller's transaction:
-- the department's current facts for the periods the submission covers are superseded (kept, not
-- current), the staged figures become the current facts, earlier submissions left with no current
-- fact become 'superseded', and the staging rows go. Returns how many figures were new, changed
-- from the department's previous value, or unchanged. (The facts' triggers, R__consolidated_values.sql,
-- keep the consolidated values up to date in the same transaction.)
CREATE OR REPLACE FUNCTION warehouse.promote_submission(p_submission bigint, p_department text,
                                              OUT figures_new integer, OUT figures_updated integer,
                                              OUT figures_unchanged integer)
LANGUAGE plpgsql AS $$
BEGIN
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

    UPDATE warehouse.fact f
       SET is_current = false, superseded_by = p_submission
     WHERE f.is_current AND f.department_code = p_department
       AND f.period IN (SELECT DISTINCT period FROM staging.figure WHERE submission_id = p_submission);

    INSERT INTO warehouse.fact (submission_id, department_code, indicator_code, task_no, district_code, period,
                                period_end, value, status, remark, reported_text, reported_unit, sheet, row_no,
                                column_name)
    SELECT submission_id, p_department, indicator_code, task_no, district_code, period, period_end, value, status,
           remark, reported_text, reported_unit, sheet, row_no, column_name
      FROM staging.figure
     WHERE submission_id = p_submission;

    UPDATE warehouse.submission s
       SET status = 'superseded', superseded_by = p_submission
     WHERE s.status = 'loaded' AND s.department_code = p_department AND s.submission_id <> p_submission
       AND NOT EXISTS (SELECT 1 FROM warehouse.fact f WHERE f.submission_id = s.submission_id AND f.is_current);

    DELETE FROM staging.figure WHERE submission_id = p_submission;
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

CREATE OR REPLACE VIEW reporting.submission_error AS
SELECT e.submission_id, e.sheet, e.row_no, e.column_name, e.value, e.code, e.message
FROM warehouse.submission_error e;

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
