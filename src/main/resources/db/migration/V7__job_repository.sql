-- Additions to Spring Batch's job repository (V2).

-- Run ids (the identifying job parameter run.id) come from one sequence, so that two pipeline
-- instances starting a job at the same moment get different ids, and so different job instances,
-- instead of both computing "last + 1" and clashing on the job instance key. Ids are shared by all
-- jobs.
CREATE SEQUENCE batch.run_id_seq;

-- Spring Batch's PostgreSQL script declares foreign keys but no indexes behind them, so every
-- lookup of an execution's steps, parameters or an instance's executions scans the whole table. With
-- tens of thousands of executions the operator page and the retention purge need these.
CREATE INDEX batch_job_execution_instance_ix ON batch.batch_job_execution (job_instance_id);
CREATE INDEX batch_step_execution_job_execution_ix ON batch.batch_step_execution (job_execution_id);
CREATE INDEX batch_job_execution_params_job_execution_ix ON batch.batch_job_execution_params (job_execution_id);

-- Old executions go first when the retention purge runs.
CREATE INDEX batch_job_execution_create_time_ix ON batch.batch_job_execution (create_time);
