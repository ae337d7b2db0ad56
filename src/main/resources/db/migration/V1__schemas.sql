-- One schema per concern, so that grants and backups can follow them:
--   catalogue  the 113 tasks, indicators, departments, districts (versioned)
--   staging    files being read, before validation
--   warehouse  validated figures and their lineage
--   reporting  views only: the public face downstream tools read
--   batch      Spring Batch job repository
--   quartz     Quartz job store
CREATE SCHEMA IF NOT EXISTS catalogue;
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS warehouse;
CREATE SCHEMA IF NOT EXISTS reporting;
CREATE SCHEMA IF NOT EXISTS batch;
CREATE SCHEMA IF NOT EXISTS quartz;
