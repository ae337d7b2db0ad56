-- Reconciliation that stays linear in the number of findings (V29's warehouse.reconcile(), two
-- clauses changed):
-- * new findings go in with ON CONFLICT against discrepancy_open_uq instead of NOT EXISTS over the
--   table. Planned against a table analysed empty, NOT EXISTS became a sequential scan per finding
--   of the very heap the statement was filling: 123,000 findings of a first 1,000,000-row load took
--   four minutes, where the index answers each at once.
-- * whether an open finding's series was in scope is an IN over the scope, which PostgreSQL hashes,
--   instead of an EXISTS rescanning the scope for every open finding.
CREATE OR REPLACE FUNCTION warehouse.reconcile(OUT findings integer, OUT opened integer, OUT closed integer)
LANGUAGE plpgsql SET work_mem = '64MB' AS $$
DECLARE
    seen bigint;
    everything boolean;
    written bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('warehouse.reconcile'));
    PERFORM warehouse.rebuild_current_values_if_stale();
    -- read before the findings' snapshot: a change committed in between is seen by the findings and
    -- still counts as pending, so at worst it is looked at twice, never missed
    SELECT v.version, v.rebuilt_version > r.reconciled_version INTO seen, everything
      FROM warehouse.current_value_state v, warehouse.reconcile_state r;
    -- statistics of the values when a tenth of them (at least 1,000) were written since: a fresh
    -- load has none, and the plans depend on sizes; otherwise not worth sampling them every run
    SELECT v.rows_written INTO written FROM warehouse.current_value_state v
     WHERE v.rows_written - (SELECT analyzed_rows FROM warehouse.reconcile_state)
           > greatest(1000, 0.1 * (SELECT reltuples FROM pg_class WHERE oid = 'warehouse.current_value'::regclass));
    IF FOUND THEN
        ANALYZE warehouse.current_value;
        UPDATE warehouse.reconcile_state SET analyzed_rows = written;
    END IF;
    ANALYZE warehouse.changed_series, warehouse.discrepancy;
    -- EXECUTEd with the scope written in, so that the series rules are planned for it
    EXECUTE format($sql$
        WITH scope AS MATERIALIZED (
            SELECT indicator_code, district_code FROM warehouse.changed_series WHERE version <= %1$s
        ),
        found AS MATERIALIZED (
            SELECT * FROM warehouse.co_lead_mismatch_found
            UNION ALL
            SELECT * FROM warehouse.district_sum_mismatch_found
            UNION ALL
            SELECT * FROM warehouse.series_findings(%2$s)
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
            ON CONFLICT (kind, indicator_code, district_code, period) WHERE status = 'open' DO NOTHING
            RETURNING discrepancy_id
        ),
        looked_at AS (
            SELECT d.discrepancy_id,
                   %3$s OR d.kind NOT IN ('cumulative_decrease', 'outlier')
                   OR (d.indicator_code, d.district_code) IN (SELECT s.indicator_code, s.district_code FROM scope s) AS yes
              FROM warehouse.discrepancy d
             WHERE d.status = 'open'
        ),
        gone AS (
            UPDATE warehouse.discrepancy d
               SET status = 'closed', closed_at = now()
              FROM looked_at l
             WHERE l.discrepancy_id = d.discrepancy_id AND l.yes
               AND NOT EXISTS (SELECT 1 FROM found f
                                WHERE d.kind = f.kind AND d.indicator_code = f.indicator_code
                                  AND d.district_code = f.district_code AND d.period = f.period)
            RETURNING d.discrepancy_id
        ),
        unchanged AS (
            UPDATE warehouse.discrepancy d
               SET last_seen_at = now()
              FROM looked_at l
             WHERE l.discrepancy_id = d.discrepancy_id AND NOT l.yes
            RETURNING d.discrepancy_id
        )
        -- (kept runs although nothing reads it: PostgreSQL runs every data-modifying WITH to completion)
        SELECT ((SELECT count(*) FROM found) + (SELECT count(*) FROM unchanged))::integer,
               (SELECT count(*) FROM new)::integer, (SELECT count(*) FROM gone)::integer
    $sql$, seen, CASE WHEN everything THEN 'NULL' ELSE seen::text END, CASE WHEN everything THEN 'true' ELSE 'false' END)
    INTO findings, opened, closed;
    DELETE FROM warehouse.changed_series WHERE version <= seen;
    UPDATE warehouse.reconcile_state
       SET reconciled_version = greatest(reconciled_version, seen), reconciled_at = now();
END
$$;
