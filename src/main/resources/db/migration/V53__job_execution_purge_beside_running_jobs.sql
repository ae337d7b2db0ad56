-- The retention purge of V52, safe beside other purges and running jobs:
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
