-- Retention of the job repository (etl.retention.job-executions): deletes executions created before
-- p_before with their steps, contexts and parameters, and job instances left with no execution.
-- Kept whatever their age: executions still running, and the latest execution of each job (new runs
-- are numbered from it, and a failed one may still be restarted). Returns how many were deleted.
CREATE FUNCTION batch.purge_job_executions(p_before timestamp) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    doomed    bigint[];
    instances bigint[];
BEGIN
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
       AND e.job_execution_id NOT IN (SELECT job_execution_id FROM latest);

    DELETE FROM batch.batch_step_execution_context c
     USING batch.batch_step_execution s
     WHERE c.step_execution_id = s.step_execution_id AND s.job_execution_id = ANY (doomed);
    DELETE FROM batch.batch_step_execution WHERE job_execution_id = ANY (doomed);
    DELETE FROM batch.batch_job_execution_context WHERE job_execution_id = ANY (doomed);
    DELETE FROM batch.batch_job_execution_params WHERE job_execution_id = ANY (doomed);
    DELETE FROM batch.batch_job_execution WHERE job_execution_id = ANY (doomed);
    -- only instances that lost executions here: a brand-new instance whose first execution is being
    -- created right now is not touched
    DELETE FROM batch.batch_job_instance i
     WHERE i.job_instance_id = ANY (instances)
       AND NOT EXISTS (SELECT 1 FROM batch.batch_job_execution e WHERE e.job_instance_id = i.job_instance_id);
    RETURN cardinality(doomed);
END
$$;
