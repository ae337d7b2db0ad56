-- Spring Batch's tables in one row per job execution, for the status command and the operator page.
CREATE VIEW batch.job_run AS
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
