-- What the operator page and the HTTP API read of the job repository: one row per job execution with
-- its steps' counts summed, and one row per step execution. Executions are looked up and paged by
-- job_execution_id; the step figures come from the index of V50, so a page of 50 rows reads 50
-- executions however many there are.
CREATE VIEW batch.job_execution_summary AS
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
         WHERE n.job_instance_id = e.job_instance_id AND n.job_execution_id > e.job_execution_id) AS restarted_as
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

CREATE VIEW batch.step_execution_summary AS
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
FROM batch.batch_step_execution s;

-- Per department: how its submissions ended and how many current figures it holds, for the
-- progress overview. Departments that never sent anything are listed too (with zeros), so that
-- silence shows.
CREATE VIEW reporting.department_activity AS
SELECT d.code AS department_code,
       d.name AS department,
       coalesce(s.submissions, 0) AS submissions,
       coalesce(s.loaded, 0) AS loaded,
       coalesce(s.rejected, 0) AS rejected,
       coalesce(s.duplicate, 0) AS duplicate,
       coalesce(s.superseded, 0) AS superseded,
       coalesce(s.waiting, 0) AS waiting,
       coalesce(f.figures, 0) AS figures_current,
       coalesce(f.indicators, 0) AS indicators_reported,
       s.last_received_at
FROM reporting.department d
LEFT JOIN (
    SELECT department_code,
           count(*) AS submissions,
           count(*) FILTER (WHERE status = 'loaded') AS loaded,
           count(*) FILTER (WHERE status = 'rejected') AS rejected,
           count(*) FILTER (WHERE status = 'duplicate') AS duplicate,
           count(*) FILTER (WHERE status = 'superseded') AS superseded,
           count(*) FILTER (WHERE status = 'received') AS waiting,
           max(received_at) AS last_received_at
      FROM warehouse.submission
     GROUP BY department_code) s ON s.department_code = d.code
LEFT JOIN (
    SELECT department_code, count(*) AS figures, count(DISTINCT indicator_code) AS indicators
      FROM warehouse.fact
     WHERE is_current
     GROUP BY department_code) f ON f.department_code = d.code
WHERE NOT d.is_group;
