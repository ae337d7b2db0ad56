-- reporting.indicator_value and the discrepancy rules read the consolidated values of
-- warehouse.current_value (V28) instead of recomputing them: same columns, same rules, same details
-- as V21–V24. Each rule now scans the table once or twice, or only the rows it is about (disputed
-- keys, 全市 rows off their districts' sum), and names departments, districts and files only for
-- what it found.

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

-- co_lead_mismatch: the keys whose current facts disagree are marked (disputed) when loaded.
CREATE OR REPLACE VIEW warehouse.co_lead_mismatch_found AS
WITH disputed AS (
    SELECT v.indicator_code, v.district_code, v.period, v.department_code
    FROM warehouse.current_value v
    WHERE v.disputed
),
cur AS (
    SELECT f.indicator_code, f.district_code, f.period, f.period_end, f.value, f.department_code, f.submission_id,
           coalesce(dep.name, f.department_code) AS department, s.file_name, l.position
    FROM disputed d
    JOIN warehouse.fact f ON f.indicator_code = d.indicator_code AND f.district_code = d.district_code
         AND f.period = d.period AND f.is_current AND f.value IS NOT NULL
    JOIN warehouse.submission s ON s.submission_id = f.submission_id
    LEFT JOIN reporting.department dep ON dep.code = f.department_code
    LEFT JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
          AND l.task_no = f.task_no AND l.department_code = f.department_code
)
SELECT 'co_lead_mismatch'::text AS kind, d.indicator_code, d.district_code, d.period,
       min(c.period_end) AS period_end,
       array_agg(c.department ORDER BY c.position NULLS LAST, c.department) AS departments,
       array_agg(c.submission_id ORDER BY c.position NULLS LAST, c.department) AS submission_ids,
       format('牵头部门填报的数值不一致:%s。汇总采用%s的数值(%s)。请相关部门核对,由填错的一方重新报送。',
              string_agg(format('%s 填报 %s%s(报送#%s《%s》)', c.department, warehouse.num(c.value),
                                coalesce(i.unit, ''), c.submission_id, c.file_name),
                         ';' ORDER BY c.position NULLS LAST, c.department),
              chosen.name,
              CASE WHEN p.department_code IS NOT NULL THEN '由设置 etl.reconcile.preferred-lead 指定'
                   ELSE '任务所列牵头部门中排名最前的' END) AS details
FROM disputed d
JOIN cur c ON c.indicator_code = d.indicator_code AND c.district_code = d.district_code AND c.period = d.period
JOIN reporting.indicator i ON i.indicator_code = d.indicator_code
LEFT JOIN reporting.department chosen ON chosen.code = d.department_code
LEFT JOIN warehouse.preferred_lead p ON p.indicator_code = d.indicator_code AND p.department_code = d.department_code
GROUP BY d.indicator_code, d.district_code, d.period, chosen.name, p.department_code;

-- district_sum_mismatch: a reported 全市 carries its districts' sum and count (V28); only the rows
-- off by more than the tolerance are looked at further.
CREATE OR REPLACE VIEW warehouse.district_sum_mismatch_found AS
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
LEFT JOIN warehouse.submission s ON s.submission_id = c.submission_id;

-- The two rules along a series (V23) share their work: both look at one figure per indicator, district
-- and period end (the highest, when periods of several kinds end that day) and at the figure of the
-- previous period end. One sort of the values serves both; names and files are looked up only for
-- what is found. A function, so that a reconcile run can ask for the series that changed since the
-- last one only (p_changed_upto: those of warehouse.changed_series up to that change; null: every
-- series): a series' findings depend on its own values alone. SQL and STABLE, so that it is inlined
-- into the caller's query and planned with the argument.
CREATE FUNCTION warehouse.series_findings(p_changed_upto bigint)
RETURNS TABLE (kind text, indicator_code text, district_code text, period text, period_end date, departments text[],
               submission_ids bigint[], details text)
LANGUAGE sql STABLE AS $$
WITH points AS MATERIALIZED (
    SELECT p.*,
           lag(p.period) OVER w AS prev_period, lag(p.value) OVER w AS prev_value,
           lag(p.department_code) OVER w AS prev_department_code, lag(p.submission_id) OVER w AS prev_submission_id
    FROM (
        SELECT DISTINCT ON (v.indicator_code, v.district_code, v.period_end)
               v.indicator_code, v.district_code, v.period, v.period_end, v.value, v.department_code, v.submission_id,
               i.basis, i.unit,
               -- the lowest figure of that day, to find the days where some figure fell
               min(v.value) OVER (PARTITION BY v.indicator_code, v.district_code, v.period_end) AS end_min
        FROM (SELECT s.indicator_code, s.district_code FROM warehouse.changed_series s
              WHERE s.version <= p_changed_upto
              UNION ALL
              SELECT c.indicator_code, d.code FROM reporting.indicator c CROSS JOIN reporting.district d
              WHERE p_changed_upto IS NULL) series
        JOIN warehouse.current_value v ON v.indicator_code = series.indicator_code
             AND v.district_code = series.district_code
        JOIN reporting.indicator i ON i.indicator_code = v.indicator_code AND i.basis IN ('cumulative', 'annual', 'level')
        WHERE NOT v.derived
        ORDER BY v.indicator_code, v.district_code, v.period_end, v.value DESC
    ) p
    WINDOW w AS (PARTITION BY p.indicator_code, p.district_code ORDER BY p.period_end)
),
-- cumulative_decrease: a running total lower than the figure of the previous period end
fallen AS (
    SELECT c.indicator_code, c.district_code, c.period, c.period_end, c.value, c.department_code, c.submission_id,
           p.prev_period, p.prev_value, p.prev_department_code, p.prev_submission_id, p.unit
    FROM points p
    JOIN warehouse.current_value c ON c.indicator_code = p.indicator_code AND c.district_code = p.district_code
         AND c.period_end = p.period_end AND NOT c.derived AND c.value < p.prev_value
    WHERE p.basis = 'cumulative' AND p.end_min < p.prev_value
),
-- outlier: x is the figure, or for a running total its increase since the previous period end
observed AS (
    SELECT p.*, CASE WHEN p.basis = 'cumulative' THEN p.value - p.prev_value ELSE p.value END AS x
    FROM points p
),
centre AS (
    SELECT indicator_code, district_code, count(*) AS n,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY x))::numeric AS median
    FROM observed
    WHERE x IS NOT NULL
    GROUP BY indicator_code, district_code
    HAVING count(*) >= 4
),
spread AS (
    SELECT c.indicator_code, c.district_code, c.n, c.median,
           greatest((percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(o.x - c.median)))::numeric,
                    0.05 * abs(c.median)) AS mad
    FROM centre c
    JOIN observed o ON o.indicator_code = c.indicator_code AND o.district_code = c.district_code AND o.x IS NOT NULL
    GROUP BY c.indicator_code, c.district_code, c.n, c.median
),
scored AS (
    SELECT o.*, s.n, s.median, 0.6745 * (o.x - s.median) / s.mad AS z
    FROM observed o
    JOIN spread s ON s.indicator_code = o.indicator_code AND s.district_code = o.district_code
    WHERE o.x IS NOT NULL AND s.mad > 0
)
SELECT 'cumulative_decrease'::text AS kind, c.indicator_code, c.district_code, c.period, c.period_end,
       ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[pd.name, cd.name]) x WHERE x IS NOT NULL ORDER BY 1) AS departments,
       ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[c.prev_submission_id, c.submission_id]) x ORDER BY 1) AS submission_ids,
       format('累计值下降:%s期为 %s%s,%s期降为 %s%s(减少 %s)。该指标是2022年以来的累计数,不应减少。'
              || '%s期数据来自%s报送#%s《%s》,%s期数据来自%s报送#%s《%s》。请核对并更正有误的一期。',
              c.prev_period, warehouse.num(c.prev_value), coalesce(c.unit, ''), c.period, warehouse.num(c.value),
              coalesce(c.unit, ''), warehouse.num(c.prev_value - c.value), c.prev_period, pd.name, c.prev_submission_id,
              ps.file_name, c.period, cd.name, c.submission_id, cs.file_name) AS details
FROM fallen c
JOIN warehouse.submission cs ON cs.submission_id = c.submission_id
LEFT JOIN warehouse.submission ps ON ps.submission_id = c.prev_submission_id
LEFT JOIN reporting.department cd ON cd.code = c.department_code
LEFT JOIN reporting.department pd ON pd.code = c.prev_department_code
UNION ALL
SELECT 'outlier'::text AS kind, o.indicator_code, o.district_code, o.period, o.period_end,
       ARRAY[dep.name] AS departments, ARRAY[o.submission_id] AS submission_ids,
       format('%s期%s %s%s,偏离该序列%s的中位数 %s%s 过远(稳健z值 %s,超过3.5即视为异常,依据 %s 个数据点)。'
              || '数据来自%s报送#%s《%s》。请核对数值、单位(万、亿)和小数点。',
              o.period, CASE WHEN o.basis = 'cumulative' THEN '比上期增加' ELSE '数值为' END,
              warehouse.num(o.x), coalesce(o.unit, ''),
              CASE WHEN o.basis = 'cumulative' THEN '各期增量' ELSE '各期数值' END,
              warehouse.num(o.median), coalesce(o.unit, ''), round(o.z, 1), o.n, dep.name, o.submission_id,
              s.file_name) AS details
FROM scored o
JOIN warehouse.submission s ON s.submission_id = o.submission_id
LEFT JOIN reporting.department dep ON dep.code = o.department_code
WHERE CASE WHEN o.basis = 'cumulative' THEN o.z > 3.5 ELSE abs(o.z) > 3.5 END
$$;

CREATE VIEW warehouse.series_found AS
SELECT * FROM warehouse.series_findings(NULL);

CREATE OR REPLACE VIEW warehouse.cumulative_decrease_found AS
SELECT * FROM warehouse.series_found WHERE kind = 'cumulative_decrease';

CREATE OR REPLACE VIEW warehouse.outlier_found AS
SELECT * FROM warehouse.series_found WHERE kind = 'outlier';

-- Everything reconciliation finds right now (V24's rows), the series computed once.
CREATE OR REPLACE VIEW warehouse.discrepancy_found AS
SELECT * FROM warehouse.co_lead_mismatch_found
UNION ALL
SELECT * FROM warehouse.district_sum_mismatch_found
UNION ALL
SELECT * FROM warehouse.series_found;

-- Up to which change of warehouse.current_value the findings are current: the ingest job reconciles
-- after a run only when something changed since (warehouse.reconcile_pending()).
CREATE TABLE warehouse.reconcile_state (
    singleton          boolean NOT NULL DEFAULT true,
    reconciled_version bigint  NOT NULL DEFAULT -1,
    reconciled_at      timestamptz,
    analyzed_rows      bigint  NOT NULL DEFAULT -1,
    CONSTRAINT reconcile_state_pk PRIMARY KEY (singleton),
    CONSTRAINT reconcile_state_singleton_ck CHECK (singleton)
);
INSERT INTO warehouse.reconcile_state DEFAULT VALUES;

CREATE FUNCTION warehouse.reconcile_pending() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT v.version > r.reconciled_version FROM warehouse.current_value_state v, warehouse.reconcile_state r
$$;

-- One reconcile run, as V24's: what is found now and was open stays open (details following the
-- figures), what is new opens, what is no longer found closes, in one statement over one snapshot.
-- Co-lead and district findings are looked for everywhere (both read only the rows they are
-- about); findings along a series only in the series whose values changed since the last run, or in
-- all after a rebuild: the open findings of the other series are found again as they were (their
-- figures, files and names did not change), so they stay open as they are.
-- Before that, the consolidated values are rebuilt if the preferred leads (just stored by the
-- caller) or the catalogue changed since they were built, and statistics refreshed (a load may have
-- just added many rows, and the plans depend on sizes). The series rules sort every value they look
-- at: 64 MB of working memory keeps a million of them in memory.
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
             WHERE NOT EXISTS (SELECT 1 FROM warehouse.discrepancy d
                                WHERE d.status = 'open' AND d.kind = f.kind AND d.indicator_code = f.indicator_code
                                  AND d.district_code = f.district_code AND d.period = f.period)
            RETURNING discrepancy_id
        ),
        looked_at AS (
            SELECT d.discrepancy_id,
                   %3$s OR d.kind NOT IN ('cumulative_decrease', 'outlier')
                   OR EXISTS (SELECT 1 FROM scope s
                               WHERE s.indicator_code = d.indicator_code AND s.district_code = d.district_code) AS yes
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
