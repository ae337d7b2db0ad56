-- Why a run failed, for the operator page and `status`: a job built as a flow (ingest, since it
-- decides whether to reconcile) ends FAILED with an empty exit message when a step fails; the
-- step's own exit message says why. batch.job_execution_summary (V51) gains failure_message, the
-- job's exit message or else that of its last failed step.
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
       -- why it failed: the job's exit message, else (a flow job, whose exit status says only FAILED)
       -- the exit message of its last failed step
       coalesce(nullif(e.exit_message, ''),
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
     WHERE st.job_execution_id = e.job_execution_id) s ON true;
