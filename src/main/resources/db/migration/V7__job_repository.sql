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

-- One row per running `serve` process, its beat renewed every etl.heartbeat.interval (5 s), so that
-- another process can tell a run marked running whose process is gone (its beat older than
-- etl.heartbeat.dead-after, or, on the same machine, its pid no longer alive) from a live one, on any
-- host, without waiting etl.recover-after. A run names its process in the job parameter `process`,
-- the same token as here. Ages are measured on the database's clock, never a host's.
CREATE TABLE batch.instance_heartbeat (
    process       text        NOT NULL,   -- host:pid:start-millis, as in the runs' parameter
    instance      text        NOT NULL,   -- etl.instance, for people reading the table
    host          text        NOT NULL,
    pid_namespace text        NOT NULL,   -- '' where the system has none
    pid           bigint      NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    beat_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT instance_heartbeat_pk PRIMARY KEY (process)
);
