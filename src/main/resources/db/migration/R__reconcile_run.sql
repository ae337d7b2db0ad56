-- Reconciliation's run: everything the rules of R__reconcile_rules.sql (which sorts before this file)
-- find, kept in warehouse.discrepancy as findings that open, stay open and close; and the findings'
-- public face, reporting.discrepancy. docs/reconciliation.md describes the rules and the run.

-- Everything reconciliation finds right now, the series computed once.
CREATE OR REPLACE VIEW warehouse.discrepancy_found AS
SELECT * FROM warehouse.co_lead_mismatch_found
UNION ALL
SELECT * FROM warehouse.district_sum_mismatch_found
UNION ALL
SELECT * FROM warehouse.series_found;

-- Whether the consolidated values changed since the findings were last made current
-- (warehouse.reconcile_state): the ingest job reconciles after a run only when something changed.
CREATE OR REPLACE FUNCTION warehouse.reconcile_pending() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT v.version > r.reconciled_version FROM warehouse.current_value_state v, warehouse.reconcile_state r
$$;

-- One reconcile run, in the caller's transaction: what is found now and was open stays open (its
-- details follow the current figures), what is new opens, what is no longer found closes. So two
-- runs over the same figures leave the same findings, and a corrective resubmission closes them.
-- A finding is the same finding while kind, indicator, district and period are the same. One
-- statement over one snapshot, so all three changes see the same figures; runs take turns (an
-- advisory lock), as two ingests in two processes may both reconcile.
--
-- It stays linear in the number of findings, and small after a small file (both found by the
-- 1,000,000-row benchmark):
-- * co-lead findings are looked for everywhere (they read only the disputed keys); the sums of the
--   districts only for the indicators that changed since the last run, and the rules along a series
--   only in the series that changed (all of them after a rebuild): the open findings of the others
--   are found again as they were (their figures, files and names did not change), so they stay open
--   as they are. Whether an open finding's series was in scope is an IN over the scope, which
--   PostgreSQL hashes, rather than an EXISTS rescanning the scope for every open finding.
-- * a finding found again is written only when what it says changed, and one out of scope is not
--   written at all: rewriting every open finding on every run cost 6-14 s after each 100-row file
--   with 123,000 open findings. What last_seen_at means is kept by reporting.discrepancy: an open
--   finding was confirmed by the latest reconciliation (found again, or its series unchanged since),
--   so the view shows the later of its own last_seen_at and warehouse.reconcile_state.reconciled_at.
-- * new findings go in with ON CONFLICT against discrepancy_open_uq rather than NOT EXISTS over the
--   table: planned against a table analysed empty, NOT EXISTS became a sequential scan per finding
--   of the very heap the statement was filling (123,000 findings of a first 1,000,000-row load took
--   four minutes), where the index answers each at once.
-- Before that, the consolidated values are rebuilt if the preferred leads (just stored by the
-- caller) or the catalogue changed since they were built, and statistics refreshed (a load may have
-- just added many rows, and the plans of these rules and of the reporting views depend on sizes).
-- The series rules sort every value they look at: 64 MB of working memory keeps a million of them in
-- memory.
-- Many values in scope join by hash (warehouse.join_large_by_hash): the series rules' steps are
-- estimated at a row or two each, whatever they hold.
CREATE OR REPLACE FUNCTION warehouse.reconcile(OUT findings integer, OUT opened integer, OUT closed integer)
LANGUAGE plpgsql SET work_mem = '64MB' SET enable_nestloop = on AS $$
DECLARE
    seen bigint;
    everything boolean;
    written bigint;
    in_scope bigint;
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
        -- the facts and the history too: the reporting views read them, and statistics autovacuum
        -- took while a large load was not yet visible call its tables empty (department
        -- completeness then took a minute over a first load of 1,000,000 figures, instead of 10 ms)
        ANALYZE warehouse.current_value, warehouse.fact, warehouse.current_value_history;
        UPDATE warehouse.reconcile_state SET analyzed_rows = written;
    END IF;
    ANALYZE warehouse.changed_series, warehouse.discrepancy;
    SELECT count(*) INTO in_scope
      FROM warehouse.changed_series s
      JOIN warehouse.current_value v ON v.indicator_code = s.indicator_code AND v.district_code = s.district_code
     WHERE s.version <= seen AND NOT everything;
    PERFORM warehouse.join_large_by_hash(CASE WHEN everything THEN NULL ELSE in_scope END);
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

-- The findings' public face (docs/contract.md section 6; columns may grow, never change meaning).
-- Closed findings stay, with status 'closed' and the time they closed; the current ones are
-- status = 'open'.
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

-- The data dictionary (docs/reporting.md shows the same text).
COMMENT ON VIEW reporting.discrepancy IS '数据核对发现: what reconciliation found in the figures, open until the figures no longer show it, then kept as closed';
COMMENT ON COLUMN reporting.discrepancy.kind IS '差异类型: co_lead_mismatch (牵头部门数值不一致), district_sum_mismatch (区县合计与全市不符), cumulative_decrease (累计值下降) or outlier (异常值)';
COMMENT ON COLUMN reporting.discrepancy.indicator_code IS '指标编码: the indicator''s code T{task}-{nn} (T002-01); T…-00 is a task''s status (任务进展)';
COMMENT ON COLUMN reporting.discrepancy.period IS '报告期: the period as a code: 2024 (year), 2024H1 (half year), 2024Q3 (quarter), 2024-07 (month)';
COMMENT ON COLUMN reporting.discrepancy.district_code IS '区县代码: the district''s code, GB/T 2260 (370300 全市, the whole city; 370303 张店区 …) or ZB-… for a functional zone';
COMMENT ON COLUMN reporting.discrepancy.details IS '说明: what was found, with the figures involved';
COMMENT ON COLUMN reporting.discrepancy.detected_at IS '发现时间: when reconciliation first found it';
COMMENT ON COLUMN reporting.discrepancy.status IS '核实状态: open (待核实) or closed (已关闭: the figures no longer show it)';
COMMENT ON COLUMN reporting.discrepancy.closed_at IS '关闭时间: when it was closed; empty while open';
COMMENT ON COLUMN reporting.discrepancy.departments IS '涉及部门: the departments whose figures are involved';
COMMENT ON COLUMN reporting.discrepancy.discrepancy_id IS '发现编号: the finding''s number';
COMMENT ON COLUMN reporting.discrepancy.last_seen_at IS '最近核对时间: when reconciliation last found it (for an open one, its latest run)';
COMMENT ON COLUMN reporting.discrepancy.submission_ids IS '涉及报送: the submissions whose figures are involved';
COMMENT ON COLUMN reporting.discrepancy.period_end IS '报告期末: the last day of the period';
COMMENT ON COLUMN reporting.discrepancy.district_name IS '区县: the district''s name';
COMMENT ON COLUMN reporting.discrepancy.indicator_name IS '指标名称: the indicator''s short Chinese name';
COMMENT ON COLUMN reporting.discrepancy.task_no IS '任务编号: the task''s number in the list of 113 tasks, 1..113';
