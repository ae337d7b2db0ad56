package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.time.LocalDateTime;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recent job runs in a compact table. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show recent job runs and their outcomes.")
class StatusCommand implements SpringTask {

	@Option(names = "--limit", defaultValue = "20", description = "how many recent job runs to list (default ${DEFAULT-VALUE})")
	int limit;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		var runs = context.getBean(JdbcClient.class)
			.sql("SELECT job_execution_id, job_name, start_time, end_time, status, exit_code, read_count, write_count,"
					+ " exit_message FROM batch.job_run ORDER BY job_execution_id DESC LIMIT ?")
			.param(limit)
			.query(JobRun.class)
			.list();
		printSubmissions(context.getBean(JdbcClient.class), out);
		out.println("Recent job runs (作业运行):");
		if (runs.isEmpty()) {
			out.println("  none yet");
			return 0;
		}
		out.printf("  %6s  %-22s %-19s %8s  %-10s %6s %6s%n", "id", "job", "started", "seconds", "status", "read", "write");
		for (JobRun run : runs) {
			out.printf("  %6d  %-22s %-19s %8s  %-10s %6d %6d%n", run.jobExecutionId(), run.jobName(),
					run.startTime() == null ? "-" : run.startTime().withNano(0).toString().replace('T', ' '),
					run.seconds(), run.status(), run.readCount(), run.writeCount());
			if ("FAILED".equals(run.status()) && run.exitMessage() != null && !run.exitMessage().isBlank()) {
				out.println("          " + run.exitMessage().lines().findFirst().orElse(""));
			}
		}
		return 0;
	}

	private void printSubmissions(JdbcClient jdbc, PrintWriter out) {
		long waiting = jdbc.sql("SELECT count(*) FROM reporting.submission WHERE status = 'received'").query(Long.class).single();
		var recent = jdbc.sql("SELECT submission_id, department, status, rows_total, rows_loaded, rows_rejected, file_name"
				+ " FROM reporting.submission ORDER BY submission_id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> String.format("  %6d  %-10s %6d %6d %8d  %s  %s", rs.getLong(1), rs.getString(3), rs.getInt(4),
					rs.getInt(5), rs.getInt(6), rs.getString(2), rs.getString(7)))
			.list();
		out.println("Submissions (报送): " + waiting + " waiting");
		if (!recent.isEmpty()) {
			out.println("      id  status      total loaded rejected  department  file");
			recent.forEach(out::println);
		}
		out.println();
	}

	record JobRun(long jobExecutionId, String jobName, LocalDateTime startTime, LocalDateTime endTime, String status,
			String exitCode, long readCount, long writeCount, String exitMessage) {

		String seconds() {
			if (startTime == null || endTime == null) {
				return "-";
			}
			return String.format("%.1f", java.time.Duration.between(startTime, endTime).toMillis() / 1000.0);
		}

	}

}
