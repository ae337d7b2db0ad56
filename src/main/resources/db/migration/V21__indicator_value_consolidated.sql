-- reporting.indicator_value, consolidated (CONTRACT.md section 6): same columns and meanings as V8,
-- now with
--   * co-leads: the department a setting prefers for the indicator (warehouse.preferred_lead) wins,
--     else the first lead written in the task, as before;
--   * 全市 (370300) derived as the sum of the districts' values where only districts reported an
--     indicator that adds up (derived = true, no submission, department only when one department
--     gave every district figure). Rates and other non-additive indicators are never summed.
-- The eleven districts, counties and functional zones are taken to partition the city, as the
-- catalogue's district list does.

CREATE OR REPLACE VIEW reporting.indicator_value AS
WITH reported AS (
    SELECT DISTINCT ON (f.indicator_code, f.district_code, f.period)
           f.indicator_code, f.task_no, f.district_code, f.period, f.period_end, f.value, f.department_code,
           f.submission_id
    FROM warehouse.fact f
    LEFT JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
          AND l.task_no = f.task_no AND l.department_code = f.department_code
    LEFT JOIN warehouse.preferred_lead p ON p.indicator_code = f.indicator_code
          AND p.department_code = f.department_code
    WHERE f.is_current AND f.value IS NOT NULL
    ORDER BY f.indicator_code, f.district_code, f.period, p.department_code IS NULL, l.position NULLS LAST,
             f.fact_id DESC
),
derived AS (
    SELECT r.indicator_code, min(r.task_no) AS task_no, '370300'::text AS district_code, r.period,
           min(r.period_end) AS period_end, sum(r.value) AS value,
           CASE WHEN count(DISTINCT r.department_code) = 1 THEN min(r.department_code) END AS department_code,
           NULL::bigint AS submission_id
    FROM reported r
    JOIN reporting.indicator i ON i.indicator_code = r.indicator_code AND i.additive
    WHERE r.district_code <> '370300'
      AND NOT EXISTS (SELECT 1 FROM reported c
                      WHERE c.indicator_code = r.indicator_code AND c.period = r.period AND c.district_code = '370300')
    GROUP BY r.indicator_code, r.period
),
consolidated AS (
    SELECT reported.*, false AS derived FROM reported
    UNION ALL
    SELECT derived.*, true AS derived FROM derived
)
SELECT x.indicator_code,
       x.task_no,
       x.district_code,
       dist.name AS district_name,
       x.period,
       x.period_end,
       x.value,
       i.unit,
       dep.name AS department,
       x.submission_id,
       x.derived,
       x.department_code
FROM consolidated x
JOIN reporting.indicator i ON i.indicator_code = x.indicator_code
LEFT JOIN reporting.district dist ON dist.code = x.district_code
LEFT JOIN reporting.department dep ON dep.code = x.department_code;
