package cn.zibo.livelihood.ops.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Spring Batch's job executions as the operator page and the API show them, read from the views
 * {@code batch.job_execution_summary} and {@code batch.step_execution_summary}. A page is a
 * backward scan of the execution table's primary key, so it costs the same with ten executions or a
 * hundred thousand.
 */
@ServeOnly
@Component
class Runs {

	private final JdbcClient jdbc;

	Runs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One job execution with its steps' counts summed. */
	record Run(long jobExecutionId, String jobName, long jobInstanceId, LocalDateTime createTime,
			LocalDateTime startTime, LocalDateTime endTime, LocalDateTime lastUpdated, String status, String exitCode,
			String exitMessage, Double durationSeconds, long steps, long readCount, long writeCount, long filterCount,
			long skipCount, long rollbackCount, String parameters, Long restartedAs, @JsonIgnore String failureMessage) {

		/** A failed or stopped execution not yet restarted can be restarted. */
		@JsonProperty
		public boolean restartable() {
			return ("FAILED".equals(status) || "STOPPED".equals(status)) && restartedAs == null;
		}

		/**
		 * What went wrong, for a failed execution: its failure message (a stack trace: the job's exit
		 * message, or its failed step's) up to its first stack frame, which is the exception's
		 * message, often several lines naming files and problems.
		 */
		@JsonProperty
		public String failure() {
			return "COMPLETED".equals(status) ? null : message(failureMessage);
		}

	}

	static String message(String exitMessage) {
		if (exitMessage == null || exitMessage.isBlank()) {
			return null;
		}
		StringBuilder message = new StringBuilder();
		for (String line : exitMessage.lines().toList()) {
			if (line.stripLeading().startsWith("at ") && !message.isEmpty()) {
				break;
			}
			message.append(message.isEmpty() ? "" : "\n").append(line.strip());
		}
		return message.length() > 1000 ? message.substring(0, 1000) + " …" : message.toString();
	}

	/** One step execution. */
	record Step(long stepExecutionId, String stepName, LocalDateTime startTime, LocalDateTime endTime, String status,
			long readCount, long writeCount, long filterCount, long skipCount, long commitCount, long rollbackCount,
			String exitCode, String exitMessage, Double durationSeconds) {

		@JsonProperty
		public String failure() {
			return "FAILED".equals(status) ? message(exitMessage) : null;
		}

	}

	/** A run with its steps and the other attempts of the same job instance. */
	record Detail(Run run, List<Step> steps, List<Run> attempts) {
	}

	/**
	 * A page of runs: the page's execution ids first, from the execution table alone (an OFFSET skips
	 * bare ids), then the summary of just those. Filters are written into the SQL only when given, so
	 * that a cached plan never has to allow for an absent one.
	 */
	static String pageSql(boolean byStatus, boolean byJob) {
		return """
				WITH page AS (
				    SELECT e.job_execution_id FROM batch.batch_job_execution e
				    %s
				    ORDER BY e.job_execution_id DESC LIMIT :size OFFSET :offset)
				SELECT r.* FROM page JOIN batch.job_execution_summary r USING (job_execution_id)
				ORDER BY r.job_execution_id DESC""".formatted(filter(byStatus, byJob));
	}

	private static String filter(boolean byStatus, boolean byJob) {
		String join = byJob ? "JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id " : "";
		String where = byStatus && byJob ? "WHERE e.status = :status AND i.job_name = :job"
				: byStatus ? "WHERE e.status = :status" : byJob ? "WHERE i.job_name = :job" : "";
		return join + where;
	}

	Paged<Run> page(int page, int size, String status, String job) {
		String s = blankToNull(status);
		String j = blankToNull(job);
		var count = jdbc.sql("SELECT count(*) FROM batch.batch_job_execution e " + filter(s != null, j != null));
		var rows = jdbc.sql(pageSql(s != null, j != null)).param("size", size).param("offset", (long) page * size);
		if (s != null) {
			count = count.param("status", s);
			rows = rows.param("status", s);
		}
		if (j != null) {
			count = count.param("job", j);
			rows = rows.param("job", j);
		}
		return new Paged<>(page, size, count.query(Long.class).single(), rows.query(Run.class).list());
	}

	Optional<Detail> detail(long id) {
		Optional<Run> run = jdbc.sql("SELECT * FROM batch.job_execution_summary WHERE job_execution_id = ?")
			.param(id)
			.query(Run.class)
			.optional();
		return run.map(r -> new Detail(r,
				jdbc.sql("SELECT * FROM batch.step_execution_summary WHERE job_execution_id = ? ORDER BY step_execution_id")
					.param(id)
					.query(Step.class)
					.list(),
				jdbc.sql("SELECT * FROM batch.job_execution_summary WHERE job_instance_id = ? ORDER BY job_execution_id")
					.param(r.jobInstanceId())
					.query(Run.class)
					.list()));
	}

	/**
	 * Failed or stopped executions nobody has restarted yet and no later run of the same job has made
	 * good (a new ingest run takes every waiting file, a new reconcile run checks every figure), newest
	 * first.
	 */
	List<Run> awaitingRestart(int limit) {
		return jdbc.sql("""
				SELECT r.* FROM batch.job_execution_summary r
				WHERE r.status IN ('FAILED', 'STOPPED') AND r.restarted_as IS NULL
				  AND NOT EXISTS (SELECT 1 FROM batch.batch_job_execution n JOIN batch.batch_job_instance i USING (job_instance_id)
				                  WHERE i.job_name = r.job_name AND n.job_execution_id > r.job_execution_id AND n.status = 'COMPLETED')
				ORDER BY r.job_execution_id DESC LIMIT ?""")
			.param(limit)
			.query(Run.class)
			.list();
	}

	/** The newest execution of a job, if it ever ran. */
	Optional<Run> latest(String jobName) {
		return jdbc.sql("""
				SELECT r.* FROM batch.job_execution_summary r WHERE r.job_execution_id = (
				    SELECT max(e.job_execution_id) FROM batch.batch_job_execution e
				    JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id WHERE i.job_name = ?)""")
			.param(jobName)
			.query(Run.class)
			.optional();
	}

	List<String> jobNames() {
		return jdbc.sql("SELECT DISTINCT job_name FROM batch.batch_job_instance ORDER BY job_name").query(String.class).list();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
