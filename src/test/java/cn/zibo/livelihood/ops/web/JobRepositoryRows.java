package cn.zibo.livelihood.ops.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Job repository rows written straight into Spring Batch's tables, to give the page and the purge
 * many or old executions without running that many jobs. Each execution gets its steps (with their
 * contexts), a context and a parameter, as a real run has.
 */
final class JobRepositoryRows {

	private JobRepositoryRows() {
	}

	static long instance(JdbcClient jdbc, String jobName) {
		return jdbc.sql("""
				INSERT INTO batch.batch_job_instance (job_instance_id, version, job_name, job_key)
				VALUES (nextval('batch.batch_job_instance_seq'), 0, ?, md5(random()::text)) RETURNING job_instance_id""")
			.param(jobName)
			.query(Long.class)
			.single();
	}

	/** One execution created {@code daysAgo} days ago, with {@code steps} steps. */
	static long execution(JdbcClient jdbc, long instance, int daysAgo, String status, int steps) {
		long id = jdbc.sql("""
				INSERT INTO batch.batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
				                                       end_time, status, exit_code, exit_message, last_updated)
				VALUES (nextval('batch.batch_job_execution_seq'), 2, ?, localtimestamp - make_interval(days => ?),
				        localtimestamp - make_interval(days => ?), localtimestamp - make_interval(days => ?) + interval '3 seconds',
				        ?, ?, '', localtimestamp - make_interval(days => ?))
				RETURNING job_execution_id""")
			.params(instance, daysAgo, daysAgo, daysAgo, status, status, daysAgo)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO batch.batch_job_execution_params VALUES (?, 'run.id', 'java.lang.Long', ?, 'Y')")
			.params(id, Long.toString(id))
			.update();
		jdbc.sql("INSERT INTO batch.batch_job_execution_context VALUES (?, '{}', NULL)").param(id).update();
		for (int i = 0; i < steps; i++) {
			long step = jdbc.sql("""
					INSERT INTO batch.batch_step_execution (step_execution_id, version, step_name, job_execution_id, create_time,
					    start_time, end_time, status, commit_count, read_count, filter_count, write_count, read_skip_count,
					    write_skip_count, process_skip_count, rollback_count, exit_code, exit_message, last_updated)
					SELECT nextval('batch.batch_step_execution_seq'), 3, ?, e.job_execution_id, e.create_time, e.start_time,
					       e.end_time, e.status, 1, 10, 1, 9, 0, 0, 0, 0, e.status, '', e.last_updated
					FROM batch.batch_job_execution e WHERE e.job_execution_id = ?
					RETURNING step_execution_id""")
				.params("probeStep" + i, id)
				.query(Long.class)
				.single();
			jdbc.sql("INSERT INTO batch.batch_step_execution_context VALUES (?, '{}', NULL)").param(step).update();
		}
		return id;
	}

	/** Many executions at once, one instance each, created over the last days, with three steps each. */
	static void executions(JdbcClient jdbc, String jobName, int count) {
		jdbc.sql("""
				WITH i AS (
				    INSERT INTO batch.batch_job_instance (job_instance_id, version, job_name, job_key)
				    SELECT nextval('batch.batch_job_instance_seq'), 0, ?, md5(g::text || random()::text)
				    FROM generate_series(1, ?) g
				    RETURNING job_instance_id)
				INSERT INTO batch.batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
				                                       end_time, status, exit_code, exit_message, last_updated)
				SELECT nextval('batch.batch_job_execution_seq'), 2, job_instance_id, t, t, t + interval '2 seconds',
				       s, s, CASE s WHEN 'FAILED' THEN 'java.lang.IllegalStateException: probe failure' ELSE '' END, t
				FROM (SELECT job_instance_id, localtimestamp - make_interval(mins => (random() * 10000)::int) AS t,
				             CASE WHEN random() < 0.05 THEN 'FAILED' ELSE 'COMPLETED' END AS s FROM i) x""")
			.params(jobName, count)
			.update();
		jdbc.sql("""
				INSERT INTO batch.batch_step_execution (step_execution_id, version, step_name, job_execution_id, create_time,
				    start_time, end_time, status, commit_count, read_count, filter_count, write_count, read_skip_count,
				    write_skip_count, process_skip_count, rollback_count, exit_code, exit_message, last_updated)
				SELECT nextval('batch.batch_step_execution_seq'), 3, n.step, e.job_execution_id, e.create_time, e.start_time,
				       e.end_time, e.status, 1, 10, 1, 9, 0, 0, 0, 0, e.status, '', e.last_updated
				FROM batch.batch_job_execution e JOIN batch.batch_job_instance i USING (job_instance_id)
				CROSS JOIN (VALUES ('claimStep'), ('loadStep'), ('receiptStep')) n(step)
				WHERE i.job_name = ?""")
			.param(jobName)
			.update();
		jdbc.sql("""
				INSERT INTO batch.batch_job_execution_params
				SELECT e.job_execution_id, 'run.id', 'java.lang.Long', e.job_execution_id::text, 'Y'
				FROM batch.batch_job_execution e JOIN batch.batch_job_instance i USING (job_instance_id) WHERE i.job_name = ?""")
			.param(jobName)
			.update();
		jdbc.sql("ANALYZE batch.batch_job_instance, batch.batch_job_execution, batch.batch_step_execution,"
				+ " batch.batch_job_execution_params").update();
	}

	/** Makes every execution of the job look created {@code days} days earlier than it was. */
	static void age(JdbcClient jdbc, String jobName, int days) {
		jdbc.sql("""
				UPDATE batch.batch_job_execution e SET create_time = create_time - make_interval(days => ?)
				FROM batch.batch_job_instance i WHERE i.job_instance_id = e.job_instance_id AND i.job_name = ?""")
			.params(days, jobName)
			.update();
	}

	/** Removes every row of these jobs. */
	static void delete(JdbcClient jdbc, String... jobNames) {
		String executions = "SELECT e.job_execution_id FROM batch.batch_job_execution e JOIN batch.batch_job_instance i"
				+ " USING (job_instance_id) WHERE i.job_name = ANY (?)";
		for (String sql : new String[] {
				"DELETE FROM batch.batch_step_execution_context WHERE step_execution_id IN (SELECT step_execution_id FROM"
						+ " batch.batch_step_execution WHERE job_execution_id IN (" + executions + "))",
				"DELETE FROM batch.batch_step_execution WHERE job_execution_id IN (" + executions + ")",
				"DELETE FROM batch.batch_job_execution_context WHERE job_execution_id IN (" + executions + ")",
				"DELETE FROM batch.batch_job_execution_params WHERE job_execution_id IN (" + executions + ")",
				"DELETE FROM batch.batch_job_execution WHERE job_execution_id IN (" + executions + ")",
				"DELETE FROM batch.batch_job_instance WHERE job_name = ANY (?)" }) {
			jdbc.sql(sql).param((Object) jobNames).update();
		}
	}

}
