package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.ops.text.TextTable;
import cn.zibo.livelihood.ops.text.Words;

/**
 * What an operator checks first, without a browser or a database client: the last job runs,
 * submissions waiting and the latest received, failed runs and how to restart them, and the open
 * discrepancies.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "查看最近的作业运行、报送文件、失败的运行和待核实的差异。")
class StatusCommand implements SpringTask {

	@Option(names = "--limit", defaultValue = "20", paramLabel = "N",
			description = "列出最近多少次作业运行和报送文件（默认 ${DEFAULT-VALUE}）")
	int limit;

	@Option(names = "--failed", defaultValue = "10", paramLabel = "N",
			description = "列出最近多少次失败、停止或放弃的运行（默认 ${DEFAULT-VALUE}）")
	int failed;

	@Option(names = "--findings", defaultValue = "5", paramLabel = "N",
			description = "列出最新的多少个待核实差异（默认 ${DEFAULT-VALUE}）；reconcile 会附上说明")
	int findings;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		printRuns(jdbc, out);
		printSubmissions(jdbc, out);
		printFailed(jdbc, context.getEnvironment(), out);
		out.println("待核实的差异：");
		OpenFindings.print(jdbc, out, findings, false);
		return 0;
	}

	private void printRuns(JdbcClient jdbc, PrintWriter out) {
		var runs = jdbc.sql("SELECT job_execution_id, job_name, start_time, end_time, status, read_count, write_count"
				+ " FROM batch.job_run ORDER BY job_execution_id DESC LIMIT ?")
			.param(limit)
			.query(JobRun.class)
			.list();
		out.println("最近的作业运行：");
		if (runs.isEmpty()) {
			out.println("  尚无");
		}
		else {
			TextTable table = new TextTable().right("编号").left("作业").left("开始时间").right("用时（秒）").left("结果")
				.right("读取").right("写入");
			for (JobRun run : runs) {
				table.row(run.jobExecutionId(), Words.job(run.jobName()), time(run.startTime()), run.seconds(),
						Words.runStatus(run.status()), Words.number(run.readCount()), Words.number(run.writeCount()));
			}
			table.print(out);
		}
		out.println();
	}

	private void printSubmissions(JdbcClient jdbc, PrintWriter out) {
		var waiting = jdbc.sql("SELECT count(*), min(received_at) FROM reporting.submission WHERE status = 'received'")
			.query((rs, n) -> rs.getLong(1) == 0 ? "没有待处理的文件"
					: rs.getLong(1) + "个文件待处理，最早于" + time(rs.getObject(2, OffsetDateTime.class)) + "收到")
			.single();
		TextTable table = new TextTable().right("编号").left("部门").left("结果").right("数值个数").right("入库").right("退回")
			.left("文件");
		jdbc.sql("SELECT submission_id, department, status, rows_total, rows_loaded, rows_rejected, file_name"
				+ " FROM reporting.submission ORDER BY submission_id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> table.row(rs.getLong(1), rs.getString(2), Words.submissionStatus(rs.getString(3)),
					Words.number(rs.getInt(4)), Words.number(rs.getInt(5)), Words.number(rs.getInt(6)), rs.getString(7)))
			.list();
		out.println("报送文件：" + waiting);
		if (!table.isEmpty()) {
			table.print(out);
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
		out.println("失败的作业运行：" + awaiting + "个待重新运行");
		if (runs.isEmpty()) {
			out.println("  无");
			out.println();
			return;
		}
		TextTable table = new TextTable().right("编号").left("作业").left("结束时间").left("结果").left("后续");
		List<String> lines = new ArrayList<>();
		for (FailedRun run : runs) {
			table.row(run.jobExecutionId(), Words.job(run.jobName()), time(run.endTime()), Words.runStatus(run.status()),
					run.since());
		}
		List<String> rendered = table.lines();
		lines.add(rendered.get(0));
		for (int i = 0; i < runs.size(); i++) {
			lines.add(rendered.get(i + 1));
			runs.get(i).failure().forEach(line -> lines.add("        原因：" + line));
		}
		lines.forEach(out::println);
		if (awaiting > 0) {
			out.printf("  重新运行：先排除原因（原因中会指出，如 mappings/ 中的某个文件），再在 serve 运行时打开"
					+ " http://%s:%s/runs/编号 ，点击“重新运行”。%n  ingest --once 也会先完成上一次失败的数据接收，再接收新文件。%n",
					environment.getProperty("server.address", "127.0.0.1"), environment.getProperty("server.port", "8080"));
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
				return "已重新运行为第" + restartedAs + "次（" + Words.runStatus(restartStatus) + "）";
			}
			return "ABANDONED".equals(status) ? "已放弃，不能重新运行" : "待重新运行";
		}

		/**
		 * The exception's message: the failure message (the job's exit message, or its failed step's) up
		 * to its first stack frame, at most three lines of 160 characters. A run whose process died was
		 * marked failed by the recovery, with no message.
		 */
		List<String> failure() {
			if (failureMessage == null || failureMessage.isBlank()) {
				return "FAILED".equals(status)
						? List.of("（无说明：进程意外结束后留下的运行，已标记为失败）")
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
