-- Reconciliation that stays linear in the number of findings, and small after a small file
-- (V29's warehouse.reconcile(), four clauses changed; both found by the 1,000,000-row benchmark):
-- * new findings go in with ON CONFLICT against discrepancy_open_uq instead of NOT EXISTS over the
--   table. Planned against a table analysed empty, NOT EXISTS became a sequential scan per finding
--   of the very heap the statement was filling: 123,000 findings of a first 1,000,000-row load took
--   four minutes, where the index answers each at once.
-- * whether an open finding's series was in scope is an IN over the scope, which PostgreSQL hashes,
--   instead of an EXISTS rescanning the scope for every open finding.
-- * V29 rewrote every open finding on every run: those found again (the rules across departments
--   and districts are computed in full) got their details and last_seen_at rewritten, and those
--   whose series were not in scope got last_seen_at = now(). With 123,000 open findings that was
--   6-14 s of writing after each 100-row file. Now a finding found again is written only when what
--   it says changed, and one out of scope is not written at all. What last_seen_at meant is kept by
--   the view: an open finding was confirmed by the latest reconciliation (found again, or its series
--   unchanged since), so reporting.discrepancy shows the later of its own last_seen_at and
--   warehouse.reconcile_state.reconciled_at.
-- * the sums of the districts are looked at again only for the indicators that changed, like the
--   series (2 of the remaining 3.4 s at 25,000 open district findings).

-- district_sum_mismatch for the indicators that changed since the last run only (p_changed_upto:
-- those of warehouse.changed_series up to that change; null: every indicator). A 全市 finding
-- depends on the values of its indicator and period alone, and any change to them (a district's or
-- 全市's) marks the indicator's series as changed. SQL and STABLE, so that it is inlined and planned
-- with the argument, as warehouse.series_findings (V29).
CREATE FUNCTION warehouse.district_sum_findings(p_changed_upto bigint)
RETURNS TABLE (kind text, indicator_code text, district_code text, period text, period_end date, departments text[],
               submission_ids bigint[], details text)
LANGUAGE sql STABLE AS $$
WITH districts AS (
    SELECT count(*) AS n FROM reporting.district WHERE kind <> 'city'
),
off AS (
    SELECT c.*
    FROM warehouse.current_value c
    JOIN reporting.indicator i ON i.indicator_code = c.indicator_code AND i.additive
    CROSS JOIN districts
    -- as current_value_sum_off_ix is written, so that it finds them
    WHERE c.district_code = '370300' AND NOT c.derived AND abs(c.parts_total - c.value) > greatest(0.01, 0.005 * abs(c.value))
      AND c.parts_count > 0
      AND (c.parts_total > c.value OR c.parts_count = districts.n)
      AND (p_changed_upto IS NULL OR c.indicator_code IN (SELECT s.indicator_code FROM warehouse.changed_series s
                                                          WHERE s.version <= p_changed_upto))
),
parts AS (
    SELECT o.indicator_code, o.period,
           string_agg(dist.name || ' ' || warehouse.num(v.value), '、' ORDER BY v.district_code) AS listing,
           array_agg(DISTINCT dep.name) AS departments,
           array_agg(DISTINCT v.submission_id) AS submission_ids
    FROM off o
    JOIN warehouse.current_value v ON v.indicator_code = o.indicator_code AND v.period = o.period
         AND v.district_code <> '370300'
    LEFT JOIN reporting.district dist ON dist.code = v.district_code
    LEFT JOIN reporting.department dep ON dep.code = v.department_code
    GROUP BY o.indicator_code, o.period
)
SELECT 'district_sum_mismatch'::text AS kind, c.indicator_code, c.district_code, c.period, c.period_end,
       ARRAY(SELECT DISTINCT x FROM unnest(p.departments || dep.name) x WHERE x IS NOT NULL ORDER BY 1) AS departments,
       ARRAY(SELECT DISTINCT x FROM unnest(p.submission_ids || c.submission_id) x ORDER BY 1) AS submission_ids,
       format('区县合计 %s%s 与全市填报 %s%s 不符,相差 %s(容差为全市数的0.5%%,至少0.01)。已报 %s/%s 个区县:%s。'
              || '全市数来自%s报送#%s《%s》。请核对全市数,或补报、更正区县数。',
              warehouse.num(c.parts_total), coalesce(i.unit, ''), warehouse.num(c.value), coalesce(i.unit, ''),
              warehouse.num(c.parts_total - c.value), c.parts_count, districts.n, p.listing,
              dep.name, c.submission_id, s.file_name) AS details
FROM off c
JOIN parts p ON p.indicator_code = c.indicator_code AND p.period = c.period
JOIN reporting.indicator i ON i.indicator_code = c.indicator_code
CROSS JOIN districts
LEFT JOIN reporting.department dep ON dep.code = c.department_code
LEFT JOIN warehouse.submission s ON s.submission_id = c.submission_id
$$;

CREATE OR REPLACE VIEW warehouse.district_sum_mismatch_found AS
SELECT * FROM warehouse.district_sum_findings(NULL);
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
            SELECT * FROM warehouse.district_sum_findings(%2$s)
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
               AND (d.period_end, d.departments, d.submission_ids, d.details)
                   IS DISTINCT FROM (f.period_end, f.departments, f.submission_ids, f.details)
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
                   %3$s OR d.kind = 'co_lead_mismatch'
                   OR (d.kind = 'district_sum_mismatch' AND d.indicator_code IN (SELECT s.indicator_code FROM scope s))
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
            SELECT l.discrepancy_id FROM looked_at l WHERE NOT l.yes
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

CREATE OR REPLACE VIEW reporting.discrepancy AS
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
       CASE WHEN d.status = 'open' THEN greatest(d.last_seen_at, r.reconciled_at) ELSE d.last_seen_at END AS last_seen_at,
       d.submission_ids,
       d.period_end,
       dist.name AS district_name,
       i.name AS indicator_name,
       i.task_no
FROM warehouse.discrepancy d
CROSS JOIN warehouse.reconcile_state r
LEFT JOIN reporting.district dist ON dist.code = d.district_code
LEFT JOIN reporting.indicator i ON i.indicator_code = d.indicator_code;
