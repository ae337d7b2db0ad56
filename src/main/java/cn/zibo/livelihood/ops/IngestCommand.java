package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.jobs.Causes;
import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.IngestJobConfiguration;
import cn.zibo.livelihood.jobs.ReconcileJobConfiguration;
import cn.zibo.livelihood.ops.text.TextTable;
import cn.zibo.livelihood.ops.text.Words;
import cn.zibo.livelihood.report.receipt.Prechecks;
import cn.zibo.livelihood.system.PipelineProperties;

/** Processes everything now in the inbox, then exits, listing what happened to each file. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = "立即处理收件箱中的全部文件并写出回执（--once），或只预检不入库（--dry-run）。")
class IngestCommand implements SpringTask {

	@ArgGroup(exclusive = true, multiplicity = "1")
	Mode mode;

	/** One of the two, so that a bare {@code ingest} is a usage error rather than a guess. */
	static final class Mode {

		@Option(names = "--once", required = true, description = "处理收件箱中现有的文件，写出回执后退出")
		boolean once;

		@Option(names = "--dry-run", required = true, description = "预检收件箱中的每个文件并写出预检回执；不入库，文件留在原处")
		boolean dryRun;

	}

	@Option(names = "--recover-after", paramLabel = "DURATION",
			description = "超过这么久未更新的数据接收运行视为已中止，如 PT30S（默认为设置 etl.recover-after，2分钟）")
	Duration recoverAfter;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		if (mode.dryRun) {
			var checked = context.getBean(Prechecks.class).checkInbox();
			checked.forEach(c -> PrecheckReport.print(c, out));
			if (checked.isEmpty()) {
				out.println("收件箱中没有需要预检的文件。");
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
			out.printf("数据接收（第%d次运行）：%s%n", run.getId(), Words.runStatus(run.getStatus().name()));
			if (run.getStatus() != BatchStatus.COMPLETED) {
				failed = true;
				Causes.of(run).forEach(ex -> out.println("  原因：" + ex.getMessage() + cause(ex)));
			}
			if (run.getExecutionContext().containsKey(ReconcileJobConfiguration.OUTCOME_KEY)) {
				out.println("  已核对：" + run.getExecutionContext().getString(ReconcileJobConfiguration.OUTCOME_KEY)
						+ "（详见 reconcile 命令）");
			}
		}
		printSubmissions(context.getBean(JdbcClient.class), runs.get(0).getCreateTime(), out);
		return failed ? 1 : 0;
	}

	/** What lies under a failure such as "JDBC rollback failed": the database connection, say. */
	private static String cause(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		return (cause == failure) ? "" : "（" + cause.getMessage() + "）";
	}

	private static void printSubmissions(JdbcClient jdbc, java.time.LocalDateTime since, PrintWriter out) {
		TextTable table = new TextTable().right("编号").left("部门").left("结果").right("数值个数").right("入库").right("退回")
			.left("文件");
		List<String> receipts = new ArrayList<>();
		jdbc.sql("""
				SELECT submission_id, department, file_name, status, rows_total, rows_loaded, rows_rejected, receipt_path
				FROM reporting.submission WHERE processed_at >= ? ORDER BY submission_id""")
			.param(since)
			.query((rs, n) -> {
				receipts.add(rs.getString(8));
				return table.row(rs.getLong(1), rs.getString(2), Words.submissionStatus(rs.getString(4)),
						Words.number(rs.getInt(5)), Words.number(rs.getInt(6)), Words.number(rs.getInt(7)), rs.getString(3));
			})
			.list();
		if (table.isEmpty()) {
			out.println("收件箱中没有新文件。");
			return;
		}
		out.println("报送文件：");
		List<String> lines = table.lines();
		out.println(lines.get(0));
		for (int i = 1; i < lines.size(); i++) {
			out.println(lines.get(i));
			out.println("        回执：" + (receipts.get(i - 1) == null ? "未写出" : receipts.get(i - 1)));
		}
	}

}
