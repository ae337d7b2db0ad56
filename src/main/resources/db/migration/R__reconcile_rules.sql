-- Reconciliation's rules: what disagrees in the consolidated values right now, one view (or
-- function) per kind of finding. The run that keeps what they find, and its public face, are in
-- R__reconcile_run.sql, which sorts after this file. Every rule gives the same columns: kind,
-- indicator_code, district_code, period, period_end, departments, submission_ids, details. Details
-- are in Chinese, for the city office and the departments: who said what, in which file, and what
-- to do. docs/reconciliation.md leads from each rule to its object here and to its test.
--
-- The rules read warehouse.current_value (R__consolidated_values.sql), where the consolidated values are
-- kept as figures load, and look only at the rows they are about (disputed keys, 全市 rows off their
-- districts' sum, the series that changed); they name departments, districts and files only for
-- what they found.

-- A figure as people read it in a finding: thousands separated, at most four decimals.
CREATE OR REPLACE FUNCTION warehouse.num(p_value numeric) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT rtrim(to_char(p_value, 'FM999,999,999,999,990.9999'), '.')
$$;

-- co_lead_mismatch: lead departments of one task give different current values for the same
-- indicator, district and period. reporting.indicator_value holds the consolidated one. The keys
-- whose current facts disagree are marked (disputed) as they load.
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
       format('牵头部门填报的数值不一致：%s。汇总采用%s的数值（%s）。请相关部门核对，由填错的一方重新报送。',
              string_agg(format('%s 填报 %s%s（报送#%s《%s》）', c.department, warehouse.num(c.value),
                                coalesce(i.unit, ''), c.submission_id, c.file_name),
                         '；' ORDER BY c.position NULLS LAST, c.department),
              chosen.name,
              CASE WHEN p.department_code IS NOT NULL THEN '由设置 etl.reconcile.preferred-lead 指定'
                   ELSE '任务所列牵头部门中排名最前的' END) AS details
FROM disputed d
JOIN cur c ON c.indicator_code = d.indicator_code AND c.district_code = d.district_code AND c.period = d.period
JOIN reporting.indicator i ON i.indicator_code = d.indicator_code
LEFT JOIN reporting.department chosen ON chosen.code = d.department_code
LEFT JOIN warehouse.preferred_lead p ON p.indicator_code = d.indicator_code AND p.department_code = d.department_code
GROUP BY d.indicator_code, d.district_code, d.period, chosen.name, p.department_code;

-- district_sum_mismatch: for an indicator that adds up, the consolidated district values of a
-- period do not add up to the reported 全市 value: their sum exceeds it (the parts cannot be more than
-- the whole, however many reported), or all eleven reported and their sum falls short of it. A short
-- sum while districts are still missing is incompleteness, not a disagreement, and is left to
-- reporting.department_completeness. Tolerance: 0.5% of the 全市 value, and never less than 0.01
-- (rounding in the departments' spreadsheets). A reported 全市 carries its districts' sum and count,
-- so only the rows off by more than the tolerance are looked at further (current_value_sum_off_ix).
-- For the indicators that changed since the last run only (p_changed_upto: those of
-- warehouse.changed_series up to that change; null: every indicator): a 全市 finding depends on the
-- values of its indicator and period alone, and any change to them (a district's or 全市's) marks
-- the indicator's series as changed. SQL and STABLE, so that it is inlined into the caller's query
-- and planned with the argument.
CREATE OR REPLACE FUNCTION warehouse.district_sum_findings(p_changed_upto bigint)
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
       format('区县合计 %s%s 与全市填报 %s%s 不符，相差 %s（容差为全市数的0.5%%，至少0.01）。已报 %s/%s 个区县：%s。'
              || '全市数来自%s报送#%s《%s》。请核对全市数，或补报、更正区县数。',
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

-- The two rules along a series: the consolidated, reported (not derived) values of one indicator in
-- one district, in order of period end. Ordering by period_end lets quarters, months, half-years and
-- years of the same series be compared; a derived 全市 sum is left out because it moves with which
-- districts happened to report, not with what was achieved. Both rules look at one figure per
-- indicator, district and period end (the highest, when periods of several kinds end that day) and
-- at the figure of the previous period end; one sort of the values serves both.
--
-- cumulative_decrease: a running total (basis cumulative) lower than the figure of the latest
-- earlier period end.
--
-- outlier: a figure far off its own series, by the modified z-score of Iglewicz and Hoaglin,
--   z = 0.6745 * (x - median) / MAD, an outlier when |z| > 3.5,
-- over at least 4 observations x of the series. x is the figure itself for level and annual
-- indicators, and the increase since the previous figure for running totals (which grow, so their
-- figures are not comparable, their increases are); for them only a jump up counts, a fall being a
-- cumulative_decrease. MAD is floored at 5% of |median|, so that a perfectly steady series (MAD 0)
-- can still show a jump without every small wobble becoming one; a series of zeros judges nothing.
--
-- A function, so that a reconcile run can ask for the series that changed since the last one only
-- (p_changed_upto: those of warehouse.changed_series up to that change; null: every series): a
-- series' findings depend on its own values alone. SQL and STABLE, so that it is inlined into the
-- caller's query and planned with the argument.
CREATE OR REPLACE FUNCTION warehouse.series_findings(p_changed_upto bigint)
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
       format('累计值下降：%s为 %s%s，%s降为 %s%s（减少 %s）。该指标是2022年以来的累计数，不应减少。'
              || '%s的数据来自%s报送#%s《%s》，%s的数据来自%s报送#%s《%s》。请核对并更正有误的一期。',
              warehouse.period_words(c.prev_period), warehouse.num(c.prev_value), coalesce(c.unit, ''), warehouse.period_words(c.period), warehouse.num(c.value),
              coalesce(c.unit, ''), warehouse.num(c.prev_value - c.value), warehouse.period_words(c.prev_period), pd.name, c.prev_submission_id,
              ps.file_name, warehouse.period_words(c.period), cd.name, c.submission_id, cs.file_name) AS details
FROM fallen c
JOIN warehouse.submission cs ON cs.submission_id = c.submission_id
LEFT JOIN warehouse.submission ps ON ps.submission_id = c.prev_submission_id
LEFT JOIN reporting.department cd ON cd.code = c.department_code
LEFT JOIN reporting.department pd ON pd.code = c.prev_department_code
UNION ALL
SELECT 'outlier'::text AS kind, o.indicator_code, o.district_code, o.period, o.period_end,
       ARRAY[dep.name] AS departments, ARRAY[o.submission_id] AS submission_ids,
       format('%s%s %s%s，偏离该序列%s的中位数 %s%s 过远（稳健z值 %s，超过3.5即视为异常，依据 %s 个数据点）。'
              || '数据来自%s报送#%s《%s》。请核对数值、单位（万、亿）和小数点。',
              warehouse.period_words(o.period), CASE WHEN o.basis = 'cumulative' THEN '比上期增加' ELSE '数值为' END,
              warehouse.num(o.x), coalesce(o.unit, ''),
              CASE WHEN o.basis = 'cumulative' THEN '各期增量' ELSE '各期数值' END,
              warehouse.num(o.median), coalesce(o.unit, ''), round(o.z, 1), o.n, dep.name, o.submission_id,
              s.file_name) AS details
FROM scored o
JOIN warehouse.submission s ON s.submission_id = o.submission_id
LEFT JOIN reporting.department dep ON dep.code = o.department_code
WHERE CASE WHEN o.basis = 'cumulative' THEN o.z > 3.5 ELSE abs(o.z) > 3.5 END
$$;

CREATE OR REPLACE VIEW warehouse.series_found AS
SELECT * FROM warehouse.series_findings(NULL);

CREATE OR REPLACE VIEW warehouse.cumulative_decrease_found AS
SELECT * FROM warehouse.series_found WHERE kind = 'cumulative_decrease';

CREATE OR REPLACE VIEW warehouse.outlier_found AS
SELECT * FROM warehouse.series_found WHERE kind = 'outlier';
