-- What reconciliation finds right now, one view per kind, all with the same columns:
-- kind, indicator_code, district_code, period, period_end, departments, submission_ids, details.
-- warehouse.reconcile() (V24) turns them into lasting findings. Details are in Chinese, for the
-- city office and the departments: who said what, in which file, and what to do.

-- co_lead_mismatch: lead departments of one task give different current values for the same
-- indicator, district and period. reporting.indicator_value holds the consolidated one.
CREATE VIEW warehouse.co_lead_mismatch_found AS
WITH cur AS (
    SELECT f.indicator_code, f.district_code, f.period, f.period_end, f.value, f.department_code, f.submission_id,
           coalesce(dep.name, f.department_code) AS department, s.file_name, l.position
    FROM warehouse.fact f
    JOIN warehouse.submission s ON s.submission_id = f.submission_id
    LEFT JOIN reporting.department dep ON dep.code = f.department_code
    LEFT JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
          AND l.task_no = f.task_no AND l.department_code = f.department_code
    WHERE f.is_current AND f.value IS NOT NULL
),
disputed AS (
    SELECT indicator_code, district_code, period
    FROM cur
    GROUP BY indicator_code, district_code, period
    HAVING count(DISTINCT value) > 1
)
SELECT 'co_lead_mismatch'::text AS kind, d.indicator_code, d.district_code, d.period,
       min(c.period_end) AS period_end,
       array_agg(c.department ORDER BY c.position NULLS LAST, c.department) AS departments,
       array_agg(c.submission_id ORDER BY c.position NULLS LAST, c.department) AS submission_ids,
       format('牵头部门填报的数值不一致:%s。汇总采用%s的数值(%s)。请相关部门核对,由填错的一方重新报送。',
              string_agg(format('%s 填报 %s%s(报送#%s《%s》)', c.department, warehouse.num(c.value),
                                coalesce(i.unit, ''), c.submission_id, c.file_name),
                         ';' ORDER BY c.position NULLS LAST, c.department),
              v.department,
              CASE WHEN p.department_code IS NOT NULL THEN '由设置 etl.reconcile.preferred-lead 指定'
                   ELSE '任务所列牵头部门中排名最前的' END) AS details
FROM disputed d
JOIN cur c ON c.indicator_code = d.indicator_code AND c.district_code = d.district_code AND c.period = d.period
JOIN reporting.indicator i ON i.indicator_code = d.indicator_code
JOIN reporting.indicator_value v ON v.indicator_code = d.indicator_code AND v.district_code = d.district_code
     AND v.period = d.period AND NOT v.derived
LEFT JOIN warehouse.preferred_lead p ON p.indicator_code = d.indicator_code AND p.department_code = v.department_code
GROUP BY d.indicator_code, d.district_code, d.period, v.department, p.department_code;

-- district_sum_mismatch: for an indicator that adds up, the consolidated district values of a
-- period do not add up to the reported 全市 value: their sum exceeds it (the parts cannot be more than
-- the whole, however many reported), or all eleven reported and their sum falls short of it. A short
-- sum while districts are still missing is incompleteness, not a disagreement, and is left to
-- reporting.department_completeness. Tolerance: 0.5% of the 全市 value, and never less than 0.01
-- (rounding in the departments' spreadsheets).
CREATE VIEW warehouse.district_sum_mismatch_found AS
WITH v AS (
    SELECT v.*, s.file_name
    FROM reporting.indicator_value v
    JOIN reporting.indicator i ON i.indicator_code = v.indicator_code AND i.additive
    LEFT JOIN warehouse.submission s ON s.submission_id = v.submission_id
    WHERE NOT v.derived
),
parts AS (
    SELECT indicator_code, period, sum(value) AS total, count(*) AS n,
           string_agg(district_name || ' ' || warehouse.num(value), '、' ORDER BY district_code) AS listing,
           array_agg(DISTINCT department) AS departments,
           array_agg(DISTINCT submission_id) AS submission_ids
    FROM v
    WHERE district_code <> '370300'
    GROUP BY indicator_code, period
)
SELECT 'district_sum_mismatch'::text AS kind, c.indicator_code, c.district_code, c.period, c.period_end,
       ARRAY(SELECT DISTINCT x FROM unnest(p.departments || c.department) x WHERE x IS NOT NULL ORDER BY 1) AS departments,
       ARRAY(SELECT DISTINCT x FROM unnest(p.submission_ids || c.submission_id) x ORDER BY 1) AS submission_ids,
       format('区县合计 %s%s 与全市填报 %s%s 不符,相差 %s(容差为全市数的0.5%%,至少0.01)。已报 %s/%s 个区县:%s。'
              || '全市数来自%s报送#%s《%s》。请核对全市数,或补报、更正区县数。',
              warehouse.num(p.total), coalesce(i.unit, ''), warehouse.num(c.value), coalesce(i.unit, ''),
              warehouse.num(p.total - c.value), p.n, districts.n, p.listing,
              c.department, c.submission_id, c.file_name) AS details
FROM v c
JOIN parts p ON p.indicator_code = c.indicator_code AND p.period = c.period
JOIN reporting.indicator i ON i.indicator_code = c.indicator_code
CROSS JOIN (SELECT count(*) AS n FROM reporting.district WHERE kind <> 'city') districts
WHERE c.district_code = '370300'
  AND abs(p.total - c.value) > greatest(0.01, 0.005 * abs(c.value))
  AND (p.total > c.value OR p.n = districts.n);
