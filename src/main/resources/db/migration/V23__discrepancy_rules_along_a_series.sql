-- Findings along one series: the consolidated, reported (not derived) values of one indicator in one
-- district, in order of period end. Ordering by period_end lets quarters, months, half-years and
-- years of the same series be compared; a derived 全市 sum is left out because it moves with which
-- districts happened to report, not with what was achieved.

-- cumulative_decrease: a running total (basis cumulative) lower than the figure of the latest
-- earlier period end (when several periods end that day, the highest of them).
CREATE VIEW warehouse.cumulative_decrease_found AS
WITH series AS (
    SELECT v.indicator_code, v.district_code, v.period, v.period_end, v.value, v.department, v.submission_id,
           s.file_name, i.unit
    FROM reporting.indicator_value v
    JOIN reporting.indicator i ON i.indicator_code = v.indicator_code AND i.basis = 'cumulative'
    JOIN warehouse.submission s ON s.submission_id = v.submission_id
    WHERE NOT v.derived
),
ends AS (
    SELECT DISTINCT ON (indicator_code, district_code, period_end) *
    FROM series
    ORDER BY indicator_code, district_code, period_end, value DESC
),
previous AS (
    SELECT e.indicator_code, e.district_code, e.period_end,
           lag(e.period) OVER w AS period, lag(e.value) OVER w AS value, lag(e.department) OVER w AS department,
           lag(e.submission_id) OVER w AS submission_id, lag(e.file_name) OVER w AS file_name
    FROM ends e
    WINDOW w AS (PARTITION BY e.indicator_code, e.district_code ORDER BY e.period_end)
)
SELECT 'cumulative_decrease'::text AS kind, c.indicator_code, c.district_code, c.period, c.period_end,
       ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[p.department, c.department]) x WHERE x IS NOT NULL ORDER BY 1)
           AS departments,
       ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[p.submission_id, c.submission_id]) x ORDER BY 1) AS submission_ids,
       format('累计值下降:%s期为 %s%s,%s期降为 %s%s(减少 %s)。该指标是2022年以来的累计数,不应减少。'
              || '%s期数据来自%s报送#%s《%s》,%s期数据来自%s报送#%s《%s》。请核对并更正有误的一期。',
              p.period, warehouse.num(p.value), coalesce(c.unit, ''), c.period, warehouse.num(c.value),
              coalesce(c.unit, ''), warehouse.num(p.value - c.value), p.period, p.department, p.submission_id,
              p.file_name, c.period, c.department, c.submission_id, c.file_name) AS details
FROM series c
JOIN previous p ON p.indicator_code = c.indicator_code AND p.district_code = c.district_code
     AND p.period_end = c.period_end
WHERE c.value < p.value;

-- outlier: a figure far off its own series, by the modified z-score of Iglewicz and Hoaglin,
--   z = 0.6745 * (x - median) / MAD, an outlier when |z| > 3.5,
-- over at least 4 observations x of the series. x is the figure itself for level and annual
-- indicators, and the increase since the previous figure for running totals (which grow, so their
-- figures are not comparable, their increases are); for them only a jump up counts, a fall being a
-- cumulative_decrease. MAD is floored at 5% of |median|, so that a perfectly steady series (MAD 0)
-- can still show a jump without every small wobble becoming one; a series of zeros judges nothing.
-- One figure per period end (when period kinds are mixed, the highest).
CREATE VIEW warehouse.outlier_found AS
WITH points AS (
    SELECT DISTINCT ON (v.indicator_code, v.district_code, v.period_end)
           v.indicator_code, v.district_code, v.period, v.period_end, v.value, v.department, v.submission_id,
           i.basis, i.unit
    FROM reporting.indicator_value v
    JOIN reporting.indicator i ON i.indicator_code = v.indicator_code AND i.basis IN ('cumulative', 'annual', 'level')
    WHERE NOT v.derived
    ORDER BY v.indicator_code, v.district_code, v.period_end, v.value DESC
),
observed AS (
    SELECT p.*,
           CASE WHEN p.basis = 'cumulative'
                THEN p.value - lag(p.value) OVER (PARTITION BY p.indicator_code, p.district_code ORDER BY p.period_end)
                ELSE p.value END AS x
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
SELECT 'outlier'::text AS kind, o.indicator_code, o.district_code, o.period, o.period_end,
       ARRAY[o.department] AS departments, ARRAY[o.submission_id] AS submission_ids,
       format('%s期%s %s%s,偏离该序列%s的中位数 %s%s 过远(稳健z值 %s,超过3.5即视为异常,依据 %s 个数据点)。'
              || '数据来自%s报送#%s《%s》。请核对数值、单位(万、亿)和小数点。',
              o.period, CASE WHEN o.basis = 'cumulative' THEN '比上期增加' ELSE '数值为' END,
              warehouse.num(o.x), coalesce(o.unit, ''),
              CASE WHEN o.basis = 'cumulative' THEN '各期增量' ELSE '各期数值' END,
              warehouse.num(o.median), coalesce(o.unit, ''), round(o.z, 1), o.n, o.department, o.submission_id,
              s.file_name) AS details
FROM scored o
JOIN warehouse.submission s ON s.submission_id = o.submission_id
WHERE CASE WHEN o.basis = 'cumulative' THEN o.z > 3.5 ELSE abs(o.z) > 3.5 END;
