-- Public face of ingest (CONTRACT.md section 6). Columns may grow, never change meaning.
-- The counts count figures: loaded = new + updated + unchanged; a rejected file loads none, so all
-- its figures count as rejected (figures_invalid of warehouse.submission says how many had errors).

CREATE VIEW reporting.submission AS
SELECT s.submission_id,
       coalesce(d.name, s.inbox_folder) AS department,
       s.file_name,
       s.sha256,
       s.received_at,
       s.status,
       s.figures_total AS rows_total,
       s.figures_new + s.figures_updated + s.figures_unchanged AS rows_loaded,
       s.figures_total - (s.figures_new + s.figures_updated + s.figures_unchanged) AS rows_rejected,
       s.receipt_path,
       s.department_code,
       s.processed_at,
       s.periods,
       s.figures_new AS rows_new,
       s.figures_updated AS rows_updated,
       s.figures_unchanged AS rows_unchanged,
       s.figures_invalid AS rows_invalid,
       s.duplicate_of,
       s.superseded_by
FROM warehouse.submission s
LEFT JOIN reporting.department d ON d.code = s.department_code;

CREATE VIEW reporting.submission_error AS
SELECT e.submission_id, e.sheet, e.row_no, e.column_name, e.value, e.code, e.message
FROM warehouse.submission_error e;

-- One row per indicator, district and period. When co-leads disagree, the first lead written in
-- the task wins (reconciliation records the disagreement).
CREATE VIEW reporting.indicator_value AS
SELECT DISTINCT ON (f.indicator_code, f.district_code, f.period)
       f.indicator_code,
       f.task_no,
       f.district_code,
       dist.name AS district_name,
       f.period,
       f.period_end,
       f.value,
       i.unit,
       dep.name AS department,
       f.submission_id,
       false AS derived,
       f.department_code
FROM warehouse.fact f
JOIN reporting.indicator i ON i.indicator_code = f.indicator_code
LEFT JOIN reporting.district dist ON dist.code = f.district_code
LEFT JOIN reporting.department dep ON dep.code = f.department_code
LEFT JOIN catalogue.task_lead l ON l.version_id = (SELECT version_id FROM catalogue.current_version)
      AND l.task_no = f.task_no AND l.department_code = f.department_code
WHERE f.is_current AND f.value IS NOT NULL
ORDER BY f.indicator_code, f.district_code, f.period, l.position NULLS LAST, f.fact_id DESC;

CREATE VIEW reporting.task_status AS
SELECT f.task_no,
       dep.name AS department,
       f.period,
       f.status,
       f.remark AS narrative,
       f.submission_id,
       f.district_code,
       f.department_code
FROM warehouse.fact f
LEFT JOIN reporting.department dep ON dep.code = f.department_code
WHERE f.is_current AND f.status IS NOT NULL;
