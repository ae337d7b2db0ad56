-- The catalogue's public face (docs/contract.md section 6): the tasks, indicators, departments and
-- districts of the current catalogue version. Columns may grow, never change meaning.
-- Every other area reads the catalogue through these views, which is why this file's name sorts
-- first among the repeatable migrations (docs/database.md).

-- The catalogue is versioned (every distinct set of seed files is one version, kept for ever); the
-- current one is the version activated last.
CREATE OR REPLACE VIEW catalogue.current_version AS
SELECT version_id
FROM catalogue.version
ORDER BY activated_at DESC, version_id DESC
LIMIT 1;

CREATE OR REPLACE VIEW reporting.task AS
SELECT t.task_no,
       c.campaign_no,
       c.name AS campaign_name,
       s.section_no,
       s.name AS section_name,
       t.task_text,
       ARRAY(SELECT d.name
             FROM catalogue.task_lead l
             JOIN catalogue.department d ON d.version_id = l.version_id AND d.code = l.department_code
             WHERE l.version_id = t.version_id AND l.task_no = t.task_no
             ORDER BY l.position) AS lead_departments
FROM catalogue.task t
JOIN catalogue.current_version v ON v.version_id = t.version_id
JOIN catalogue.section s ON s.version_id = t.version_id AND s.section_no = t.section_no
JOIN catalogue.campaign c ON c.version_id = s.version_id AND c.campaign_no = s.campaign_no;

CREATE OR REPLACE VIEW reporting.indicator AS
SELECT i.indicator_code, i.task_no, i.name, i.unit, i.comparator, i.target, i.basis,
       i.deadline, i.additive, i.source_phrase
FROM catalogue.indicator i
JOIN catalogue.current_version v ON v.version_id = i.version_id;

CREATE OR REPLACE VIEW reporting.department AS
SELECT d.code, d.name, d.name_en, d.aliases, d.is_group
FROM catalogue.department d
JOIN catalogue.current_version v ON v.version_id = d.version_id;

CREATE OR REPLACE VIEW reporting.district AS
SELECT d.code, d.name, d.short_name, d.kind
FROM catalogue.district d
JOIN catalogue.current_version v ON v.version_id = d.version_id;
