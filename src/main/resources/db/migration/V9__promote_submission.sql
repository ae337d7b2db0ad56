-- Turns the staged figures of one submission into facts, in the caller's transaction:
-- the department's current facts for the periods the submission covers are superseded (kept, not
-- current), the staged figures become the current facts, earlier submissions left with no current
-- fact become 'superseded', and the staging rows go. Returns how many figures were new, changed
-- from the department's previous value, or unchanged.
CREATE FUNCTION warehouse.promote_submission(p_submission bigint, p_department text,
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
