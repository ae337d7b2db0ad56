package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator checks first, without a browser or a database client: the last job runs,
 * submissions waiting and the latest received, failed runs and how to restart them, and the open
 * discrepancies.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show recent job runs, submissions (waiting and recent), failed runs awaiting a restart and open"
				+ " discrepancies (待核实差异).")
class StatusCommand implements SpringTask {

	@Option(names = "--limit", defaultValue = "20", paramLabel = "N",
			description = "how many recent job runs and submissions to list (default ${DEFAULT-VALUE})")
	int limit;

	@Option(names = "--failed", defaultValue = "10", paramLabel = "N",
			description = "how many recent failed, stopped or abandoned runs to list (default ${DEFAULT-VALUE})")
	int failed;

	@Option(names = "--findings", defaultValue = "5", paramLabel = "N",
			description = "how many of the newest open discrepancies to list (default ${DEFAULT-VALUE}); `reconcile` lists them with details")
	int findings;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		printRuns(jdbc, out);
		printSubmissions(jdbc, out);
		printFailed(jdbc, context.getEnvironment(), out);
		out.println("Open discrepancies (待核实差异):");
		OpenFindings.print(jdbc, out, findings, false);
		return 0;
	}

	private void printRuns(JdbcClient jdbc, PrintWriter out) {
		var runs = jdbc.sql("SELECT job_execution_id, job_name, start_time, end_time, status, read_count, write_count"
				+ " FROM batch.job_run ORDER BY job_execution_id DESC LIMIT ?")
			.param(limit)
			.query(JobRun.class)
			.list();
		out.println("Recent job runs (作业运行):");
		if (runs.isEmpty()) {
			out.println("  none yet");
		}
		else {
			out.printf("  %6s  %-22s %-19s %8s  %-10s %6s %6s%n", "id", "job", "started", "seconds", "status", "read", "write");
			for (JobRun run : runs) {
				out.printf("  %6d  %-22s %-19s %8s  %-10s %6d %6d%n", run.jobExecutionId(), run.jobName(),
						time(run.startTime()), run.seconds(), run.status(), run.readCount(), run.writeCount());
			}
		}
		out.println();
	}

	private void printSubmissions(JdbcClient jdbc, PrintWriter out) {
		var waiting = jdbc.sql("SELECT count(*), min(received_at) FROM reporting.submission WHERE status = 'received'")
			.query((rs, n) -> rs.getLong(1) == 0 ? "0 waiting"
					: rs.getLong(1) + " waiting, the oldest received " + time(rs.getObject(2, OffsetDateTime.class)))
			.single();
		var recent = jdbc.sql("SELECT submission_id, department, status, rows_total, rows_loaded, rows_rejected, file_name"
				+ " FROM reporting.submission ORDER BY submission_id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> String.format("  %6d  %-10s %6d %6d %8d  %s  %s", rs.getLong(1), rs.getString(3), rs.getInt(4),
					rs.getInt(5), rs.getInt(6), rs.getString(2), rs.getString(7)))
			.list();
		out.println("Submissions (报送): " + waiting + " (待处理)");
		if (!recent.isEmpty()) {
			out.println("      id  status      total loaded rejected  department  file");
			recent.forEach(out::println);
		}
		out.println();
	}

	/** Failed, stopped and abandoned runs, newest first, each with what became of it and why it failed. */
	private void printFailed(JdbcClient jdbc, Environment environment, PrintWriter out) {
		List<FailedRun> runs = jdbc.sql("""
				SELECT f.job_execution_id, f.job_name, f.end_time, f.status, f.exit_code, f.failure_message, f.restarted_as,
				       r.status AS restart_status
				FROM batch.job_execution_summary f
				LEFT JOIN batch.batch_job_execution r ON r.job_execution_id = f.restarted_as
				WHERE f.status IN ('FAILED', 'STOPPED', 'ABANDONED')
				ORDER BY f.job_execution_id DESC LIMIT ?""")
			.param(failed)
			.query(FailedRun.class)
			.list();
		long awaiting = jdbc.sql("SELECT count(*) FROM batch.batch_job_execution e WHERE e.status IN ('FAILED', 'STOPPED')"
				+ " AND NOT EXISTS (SELECT 1 FROM batch.batch_job_execution n WHERE n.job_instance_id = e.job_instance_id"
				+ " AND n.job_execution_id > e.job_execution_id)").query(Long.class).single();
		out.println("Failed job runs (失败的作业运行): " + awaiting + " awaiting restart (待重新运行)");
		if (runs.isEmpty()) {
			out.println("  none");
			out.println();
			return;
		}
		out.printf("  %6s  %-22s %-19s %-10s %s%n", "id", "job", "ended", "status", "since");
		for (FailedRun run : runs) {
			out.printf("  %6d  %-22s %-19s %-10s %s%n", run.jobExecutionId(), run.jobName(), time(run.endTime()),
					run.status(), run.since());
			run.failure().forEach(line -> out.println("          " + line));
		}
		if (awaiting > 0) {
			out.printf("  To restart one: fix its cause (the message names it, e.g. a file in mappings/), then under `serve`"
					+ " open http://%s:%s/runs/ID and press Restart (重新运行).%n  `ingest --once` also finishes the last"
					+ " failed ingest run before it takes new files.%n", environment.getProperty("server.address", "127.0.0.1"),
					environment.getProperty("server.port", "8080"));
		}
		out.println();
	}

	private static String time(LocalDateTime time) {
		return time == null ? "-" : time.withNano(0).toString().replace('T', ' ');
	}

	private static String time(OffsetDateTime time) {
		return time == null ? "-" : time(time.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
	}

	record JobRun(long jobExecutionId, String jobName, LocalDateTime startTime, LocalDateTime endTime, String status,
			long readCount, long writeCount) {

		String seconds() {
			if (startTime == null || endTime == null) {
				return "-";
			}
			return String.format("%.1f", Duration.between(startTime, endTime).toMillis() / 1000.0);
		}

	}

	record FailedRun(long jobExecutionId, String jobName, LocalDateTime endTime, String status, String exitCode,
			String failureMessage, Long restartedAs, String restartStatus) {

		String since() {
			if (restartedAs != null) {
				return "restarted as #" + restartedAs + " (" + restartStatus + ")";
			}
			return "ABANDONED".equals(status) ? "abandoned: cannot be restarted" : "awaiting restart";
		}

		/**
		 * The exception's message: the failure message (the job's exit message, or its failed step's) up
		 * to its first stack frame, at most three lines of 160 characters. A run whose process died was
		 * marked failed by the recovery, with no message.
		 */
		List<String> failure() {
			if (failureMessage == null || failureMessage.isBlank()) {
				return "FAILED".equals(status)
						? List.of("(no message: a run left running by a process that ended is marked FAILED without one)")
						: List.of();
			}
			return failureMessage.lines()
				.map(String::strip)
				.takeWhile(line -> !line.startsWith("at "))
				.filter(line -> !line.isEmpty())
				.limit(3)
				.map(line -> line.length() > 160 ? line.substring(0, 160) + " …" : line)
				.toList();
		}

	}

}
