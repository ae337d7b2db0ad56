-- Everything reconciliation finds right now.
CREATE VIEW warehouse.discrepancy_found AS
SELECT * FROM warehouse.co_lead_mismatch_found
UNION ALL
SELECT * FROM warehouse.district_sum_mismatch_found
UNION ALL
SELECT * FROM warehouse.cumulative_decrease_found
UNION ALL
SELECT * FROM warehouse.outlier_found;

-- One reconcile run, in the caller's transaction: what is found now and was open stays open (its
-- details follow the current figures), what is new opens, what is no longer found closes. So two
-- runs over the same figures leave the same findings, and a corrective resubmission closes them.
-- A finding is the same finding while kind, indicator, district and period are the same. One
-- statement, so all three changes see the same figures; runs take turns (an advisory lock), as two
-- ingests in two processes may both reconcile.
CREATE FUNCTION warehouse.reconcile(OUT findings integer, OUT opened integer, OUT closed integer)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('warehouse.reconcile'));
    -- Fresh statistics first: reconcile runs right after ingests that add many facts (in their
    -- transaction, when chained), and a plan made for the tables as they were (say empty) joins the
    -- views by nested loops: minutes instead of seconds for 50,000 facts. ANALYZE samples a bounded
    -- number of rows, so this costs about 0.1 s.
    ANALYZE warehouse.fact, warehouse.submission, warehouse.discrepancy;
    WITH found AS MATERIALIZED (
        SELECT * FROM warehouse.discrepancy_found
    ),
    kept AS (
        UPDATE warehouse.discrepancy d
           SET last_seen_at = now(), period_end = f.period_end, departments = f.departments,
               submission_ids = f.submission_ids, details = f.details
          FROM found f
         WHERE d.status = 'open' AND d.kind = f.kind AND d.indicator_code = f.indicator_code
           AND d.district_code = f.district_code AND d.period = f.period
    ),
    new AS (
        INSERT INTO warehouse.discrepancy (kind, indicator_code, district_code, period, period_end, departments,
                                           submission_ids, details)
        SELECT f.kind, f.indicator_code, f.district_code, f.period, f.period_end, f.departments, f.submission_ids,
               f.details
          FROM found f
         WHERE NOT EXISTS (SELECT 1 FROM warehouse.discrepancy d
                            WHERE d.status = 'open' AND d.kind = f.kind AND d.indicator_code = f.indicator_code
                              AND d.district_code = f.district_code AND d.period = f.period)
        RETURNING discrepancy_id
    ),
    gone AS (
        UPDATE warehouse.discrepancy d
           SET status = 'closed', closed_at = now()
         WHERE d.status = 'open'
           AND NOT EXISTS (SELECT 1 FROM found f
                            WHERE d.kind = f.kind AND d.indicator_code = f.indicator_code
                              AND d.district_code = f.district_code AND d.period = f.period)
        RETURNING d.discrepancy_id
    )
    -- (kept runs although nothing reads it: PostgreSQL runs every data-modifying WITH to completion)
    SELECT (SELECT count(*) FROM found), (SELECT count(*) FROM new), (SELECT count(*) FROM gone)
      INTO findings, opened, closed;
END
$$;

-- Public face of the findings (CONTRACT.md section 6). Closed findings stay, with status 'closed'
-- and the time they closed; the current ones are status = 'open'.
CREATE VIEW reporting.discrepancy AS
SELECT d.kind,
       d.indicator_code,
       d.period,
       d.district_code,
       d.details,
       d.first_seen_at AS detected_at,
       d.status,
       d.closed_at,
       d.departments,
       d.discrepancy_id,
       d.last_seen_at,
       d.submission_ids,
       d.period_end,
       dist.name AS district_name,
       i.name AS indicator_name,
       i.task_no
FROM warehouse.discrepancy d
LEFT JOIN reporting.district dist ON dist.code = d.district_code
LEFT JOIN reporting.indicator i ON i.indicator_code = d.indicator_code;
