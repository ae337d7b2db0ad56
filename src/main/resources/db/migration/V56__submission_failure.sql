-- Why the pipeline could not process or answer a submission (an error nobody expected): the
-- technical cause, for operators only. Departments read the Chinese file-level problem instead.
ALTER TABLE warehouse.submission ADD COLUMN failure text;
