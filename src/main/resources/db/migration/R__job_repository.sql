-- What the status command, the operator page and the HTTP API read of Spring Batch's job
-- repository, and its retention purge. Executions are looked up and paged by job_execution_id; the
-- step figures come from the index of batch_step_execution on job_execution_id, so a page of 50
-- rows reads 50 executions however many there are.

-- One row per job execution with its steps' read and write counts, for the status command.
CREATE OR REPLACE VIEW batch.job_run AS
SELECT e.job_execution_id,
       i.job_name,
       i.job_instance_id,
       e.create_time,
       e.start_time,
       e.end_time,
       e.status,
       e.exit_code,
       e.exit_message,
       (SELECT coalesce(sum(s.read_count), 0) FROM batch.batch_step_execution s
         WHERE s.job_execution_id = e.job_execution_id) AS read_count,
       (SELECT coalesce(sum(s.write_count), 0) FROM batch.batch_step_execution s
         WHERE s.job_execution_id = e.job_execution_id) AS write_count
FROM batch.batch_job_execution e
JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id;

-- One row per job execution with its steps' counts summed, for the operator page and the API.
-- failure_message says why a run failed: a job built as a flow (ingest, since it decides whether to
-- reconcile) ends FAILED with an empty exit message when a step fails; the step's own exit message
-- says why.
CREATE OR REPLACE VIEW batch.job_execution_summary AS
SELECT e.job_execution_id,
       i.job_name,
       e.job_instance_id,
       e.create_time,
       e.start_time,
       e.end_time,
       e.last_updated,
       e.status,
       e.exit_code,
       e.exit_message,
       extract(epoch FROM (e.end_time - e.start_time)) AS duration_seconds,
       s.steps,
       s.read_count,
       s.write_count,
       s.filter_count,
       s.skip_count,
       s.rollback_count,
       (SELECT string_agg(p.parameter_name || '=' || coalesce(p.parameter_value, ''), ', ' ORDER BY p.parameter_name)
          FROM batch.batch_job_execution_params p
         WHERE p.job_execution_id = e.job_execution_id) AS parameters,
       -- the execution that restarted this one (same job instance, next attempt), if any
       (SELECT min(n.job_execution_id)
          FROM batch.batch_job_execution n
         WHERE n.job_instance_id = e.job_instance_id AND n.job_execution_id > e.job_execution_id) AS restarted_as,
       -- why it failed: a failed partition's own message (its partitioned step says only that a
       -- partition failed), else the job's exit message, else (a flow job, whose exit status says
       -- only FAILED) the exit message of its last failed step
       coalesce((SELECT nullif(f.exit_message, '')
                   FROM batch.batch_step_execution f
                  WHERE f.job_execution_id = e.job_execution_id AND f.status = 'FAILED'
                    AND f.step_name LIKE '%:partition%'
                  ORDER BY f.step_execution_id DESC LIMIT 1),
                nullif(e.exit_message, ''),
                (SELECT nullif(f.exit_message, '')
                   FROM batch.batch_step_execution f
                  WHERE f.job_execution_id = e.job_execution_id AND f.status = 'FAILED'
                  ORDER BY f.step_execution_id DESC LIMIT 1)) AS failure_message
FROM batch.batch_job_execution e
JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
LEFT JOIN LATERAL (
    SELECT count(*) AS steps,
           coalesce(sum(st.read_count), 0) AS read_count,
           coalesce(sum(st.write_count), 0) AS write_count,
           coalesce(sum(st.filter_count), 0) AS filter_count,
           coalesce(sum(st.read_skip_count + st.process_skip_count + st.write_skip_count), 0) AS skip_count,
           coalesce(sum(st.rollback_count), 0) AS rollback_count
      FROM batch.batch_step_execution st
     -- a partitioned step counts what its partitions did: they are not counted twice
     WHERE st.job_execution_id = e.job_execution_id AND st.step_name NOT LIKE '%:partition%') s ON true;

CREATE OR REPLACE VIEW batch.step_execution_summary AS
SELECT s.step_execution_id,
       s.job_execution_id,
       s.step_name,
       s.start_time,
       s.end_time,
       s.status,
       s.read_count,
       s.write_count,
       s.filter_count,
       s.read_skip_count + s.process_skip_count + s.write_skip_count AS skip_count,
       s.commit_count,
       s.rollback_count,
       s.exit_code,
       s.exit_message,
       extract(epoch FROM (s.end_time - s.start_time)) AS duration_seconds
FROM batch.batch_step_execution s
-- the steps of the job as configured; a partitioned step stands for its partitions
WHERE s.step_name NOT LIKE '%:partition%';

-- Retention of the job repository (etl.retention.job-executions): deletes executions created before
-- p_before with their steps, contexts and parameters, and job instances left with no execution.
-- Kept whatever their age: executions still running, and the latest execution of each job (new runs
-- are numbered from it, and a failed one may still be restarted). Returns how many were deleted.
-- Safe beside other purges and running jobs:
-- * one purge at a time: several instances purge daily, each at its own start-up. The lock is tried,
--   not waited for: while another instance purges, this one deletes nothing and returns 0 (it found
--   nothing that the other is not already deleting), so two purges never count the same execution;
-- * it returns how many executions it deleted, not how many it meant to;
-- * the earlier attempts of a job instance that is running again (a restart) are kept whatever their
--   age: at the start of every step the restart reads them (the step's last execution and context)
--   to decide where to resume;
-- * a job instance that gains an execution while the purge runs (a restart starting just then) is
--   left for the next purge instead of failing this one on its foreign key.
CREATE OR REPLACE FUNCTION batch.purge_job_executions(p_before timestamp) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    doomed    bigint[];
    instances bigint[];
    purged    integer;
    instance  bigint;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('batch.purge_job_executions')) THEN
        RETURN 0;
    END IF;
    WITH latest AS (
        SELECT max(e.job_execution_id) AS job_execution_id
          FROM batch.batch_job_execution e
          JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
         GROUP BY i.job_name)
    SELECT coalesce(array_agg(e.job_execution_id), '{}'), coalesce(array_agg(DISTINCT e.job_instance_id), '{}')
      INTO doomed, instances
      FROM batch.batch_job_execution e
     WHERE e.create_time < p_before
       AND e.status NOT IN ('STARTING', 'STARTED', 'STOPPING')
       AND e.job_execution_id NOT IN (SELECT job_execution_id FROM latest)
       AND NOT EXISTS (SELECT 1 FROM batch.batch_job_execution r
                        WHERE r.job_instance_id = e.job_instance_id AND r.status IN ('STARTING', 'STARTED', 'STOPPING'));

    DELETE FROM batch.batch_step_execution_context c
     USING batch.batch_step_execution s
     WHERE c.step_execution_id = s.step_execution_id AND s.job_execution_id = ANY (doomed);
    DELETE FROM batch.batch_step_execution WHERE job_execution_id = ANY (doomed);
    DELETE FROM batch.batch_job_execution_context WHERE job_execution_id = ANY (doomed);
    DELETE FROM batch.batch_job_execution_params WHERE job_execution_id = ANY (doomed);
    DELETE FROM batch.batch_job_execution WHERE job_execution_id = ANY (doomed);
    GET DIAGNOSTICS purged = ROW_COUNT;
    -- only instances that lost executions here: a brand-new instance whose first execution is being
    -- created right now is not touched
    BEGIN
        DELETE FROM batch.batch_job_instance i
         WHERE i.job_instance_id = ANY (instances)
           AND NOT EXISTS (SELECT 1 FROM batch.batch_job_execution e WHERE e.job_instance_id = i.job_instance_id);
    EXCEPTION WHEN foreign_key_violation THEN
        -- an execution was added to one of them meanwhile: go one by one, leaving that one
        FOREACH instance IN ARRAY instances LOOP
            BEGIN
                DELETE FROM batch.batch_job_instance i
                 WHERE i.job_instance_id = instance
                   AND NOT EXISTS (SELECT 1 FROM batch.batch_job_execution e WHERE e.job_instance_id = i.job_instance_id);
            EXCEPTION WHEN foreign_key_violation THEN
                NULL;
            END;
        END LOOP;
    END;
    RETURN purged;
END
$$;
