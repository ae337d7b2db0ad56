package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.IngestJobConfiguration;
import cn.zibo.livelihood.jobs.ReconcileJobConfiguration;
import cn.zibo.livelihood.report.receipt.Prechecks;
import cn.zibo.livelihood.system.PipelineProperties;

/** Processes everything now in the inbox, then exits, listing what happened to each file. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = "Process every complete file now in the inbox (收件箱), write receipts, then exit.")
class IngestCommand implements SpringTask {

	@Option(names = "--once", description = "process what is in the inbox now, then exit (the only mode from the command line)")
	boolean once;

	@Option(names = "--dry-run", description = "check every file as ingest would and write pre-check receipts (预检); load nothing, leave the files")
	boolean dryRun;

	@Option(names = "--recover-after", paramLabel = "DURATION",
			description = "treat an ingest run not updated for this long as left by a killed process, e.g. PT30S"
					+ " (default: the setting etl.recover-after, 2 minutes unless configured)")
	Duration recoverAfter;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		if (dryRun) {
			var checked = context.getBean(Prechecks.class).checkInbox();
			checked.forEach(c -> PrecheckReport.print(c, out));
			if (checked.isEmpty()) {
				out.println("No files to check (收件箱中没有文件).");
			}
			return 0;
		}
		Job job = context.getBean(IngestJobConfiguration.JOB_NAME, Job.class);
		Executions executions = context.getBean(Executions.class);
		executions.recoverStale(job,
				recoverAfter != null ? recoverAfter : context.getBean(PipelineProperties.class).recoverAfter());
		List<JobExecution> runs = new ArrayList<>();
		executions.finishLastIfFailed(job).ifPresent(runs::add);
		runs.add(executions.startNew(job));
		boolean failed = false;
		for (JobExecution run : runs) {
			out.printf("Ingest (数据接收) job execution %d: %s%n", run.getId(), run.getStatus());
			if (run.getStatus() != BatchStatus.COMPLETED) {
				failed = true;
				run.getAllFailureExceptions().forEach(ex -> out.println("  " + ex.getMessage() + cause(ex)));
			}
			if (run.getExecutionContext().containsKey(ReconcileJobConfiguration.OUTCOME_KEY)) {
				out.println("  reconciled (已核对): "
						+ run.getExecutionContext().getString(ReconcileJobConfiguration.OUTCOME_KEY)
						+ "; see reporting.discrepancy or the reconcile command");
			}
		}
		printSubmissions(context.getBean(JdbcClient.class), runs.get(0).getCreateTime(), out);
		return failed ? 1 : 0;
	}

	/** What lies under a failure such as "JDBC rollback failed": the database connection, say. */
	private static String cause(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		return (cause == failure) ? "" : " (cause: " + cause.getMessage() + ")";
	}

	private static void printSubmissions(JdbcClient jdbc, java.time.LocalDateTime since, PrintWriter out) {
		var rows = jdbc.sql("""
				SELECT submission_id, department, file_name, status, rows_total, rows_loaded, rows_rejected, receipt_path
				FROM reporting.submission WHERE processed_at >= ? ORDER BY submission_id""")
			.param(since)
			.query((rs, n) -> String.format("  %5d  %-12s %-10s %5d %6d %8d  %s%n      receipt (回执): %s", rs.getLong(1),
					rs.getString(2), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(3),
					rs.getString(8)))
			.list();
		if (rows.isEmpty()) {
			out.println("No files processed (收件箱中没有新文件).");
			return;
		}
		out.println("Submissions (报送):");
		out.println("     id  department   status     total loaded rejected  file");
		rows.forEach(out::println);
	}

}
