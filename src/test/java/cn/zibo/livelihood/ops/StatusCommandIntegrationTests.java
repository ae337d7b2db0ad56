package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.ops.text.Columns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} as the launcher runs it, after real runs: co-leads 市教育局 and 市卫生健康委 disagree on
 * T023-01 for 2025Q3 (a finding), then an ingest fails on a malformed mapping file, leaving
 * 市卫生健康委's next file taken but not loaded. Task 23 and 2025Q3 belong to this class.
 */
@PipelineIntegrationTest
class StatusCommandIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	IngestFixture fixture;

	@Autowired
	Executions executions;

	@Autowired
	Job reconcileJob;

	@Autowired
	JdbcClient jdbc;

	@Test
	void statusShowsRunsWaitingSubmissionsTheFailedRunWithWhyAndHowToRestartItAndTheOpenDiscrepancies() throws Exception {
		fixture.reset();
		executions.startNew(reconcileJob); // other tests' findings open before ours
		fixture.drop("市教育局", "教育_近视_2025Q3.csv", "指标编码,区县,报告期,数值\nT023-01,全市,2025Q3,1.2\n", StandardCharsets.UTF_8);
		fixture.drop("市卫生健康委", "卫健_近视_2025Q3.csv", "指标编码,区县,报告期,数值\nT023-01,全市,2025Q3,1.1\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		executions.startNew(reconcileJob);
		fixture.mapping("坏的_status.yml", "department: health\nfields:\n  valeu: [本月累计]\n");
		fixture.drop("市卫生健康委", "卫健_进展_2025Q3.csv", "指标编码,区县,报告期,数值\nT023-00,全市,2025Q3,推进中\n",
				StandardCharsets.UTF_8);
		JobExecution failed = fixture.ingest();
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		long finding = jdbc.sql("""
				SELECT discrepancy_id FROM reporting.discrepancy
				WHERE status = 'open' AND kind = 'co_lead_mismatch' AND indicator_code = 'T023-01' AND period = '2025Q3'""")
			.query(Long.class)
			.single();

		String status = status();

		assertThat(status).containsSubsequence("最近的作业运行：", "报送文件：", "失败的作业运行：", "待核实的差异：");
		assertThat(status).containsPattern("\\n\\s+" + failed.getId() + "\\s+数据接收\\s+\\S+ \\S+\\s+\\S+\\s+失败");
		assertThat(status).containsPattern("报送文件：[1-9]\\d*个文件待处理，最早于20\\d\\d-");
		assertThat(line(status, "卫健_进展_2025Q3.csv")).contains("待处理");
		assertThat(status).containsPattern("失败的作业运行：[1-9]\\d*个待重新运行");
		assertThat(line(status, failed.getId() + "  数据接收", "失败的作业运行")).contains("失败", "待重新运行");
		assertThat(status).contains("坏的_status.yml", "点击“重新运行”", "http://127.0.0.1:8080/runs/编号",
				"ingest --once 也会先完成上一次失败的数据接收");
		assertThat(status).containsPattern("牵头部门数值不一致\\s+[1-9]\\d*\\n");
		assertThat(line(status, "  " + finding + "  ", "待核实的差异（")).contains("牵头部门数值不一致", "T023-01 学生总体近视率年降幅", "全市",
				"2025年第三季度");
		assertThat(status).doesNotContain("ingestJob", "COMPLETED", "co_lead_mismatch", "received");
		List<String> lines = status.lines().toList();
		assertThat(Columns.lineUp(lines, line(status, "编号  作业"), List.of("作业", "开始时间", "结果")))
			.as("runs line up by display width").isTrue();
		assertThat(Columns.lineUp(lines, line(status, "编号  部门"), List.of("部门", "结果", "文件")))
			.as("submissions line up by display width, Chinese department names and all").isTrue();
		assertThat(Columns.lineUp(lines, line(status, "编号  类别"), List.of("类别", "指标", "区县", "报告期")))
			.as("findings line up by display width").isTrue();

		// once the cause is fixed and the run restarted, status says what became of it
		Files.delete(fixture.mappingsDir().resolve("坏的_status.yml"));
		JobExecution restarted = executions.restart(failed.getId());
		String after = status();

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(line(after, failed.getId() + "  数据接收", "失败的作业运行"))
			.contains("已重新运行为第" + restarted.getId() + "次（已完成）");
		assertThat(line(after, "卫健_进展_2025Q3.csv")).contains("已入库");
	}

	private String status(String... args) throws Exception {
		StatusCommand command = new StatusCommand();
		new CommandLine(command).parseArgs(args);
		StringWriter out = new StringWriter();
		assertThat(command.run(context, new PrintWriter(out, true))).isZero();
		return out.toString();
	}

	/** The first line containing {@code text}, after the heading {@code section} when one is given. */
	private static String line(String output, String text, String... section) {
		String rest = section.length == 0 ? output : output.substring(output.indexOf(section[0]));
		return rest.lines().filter(l -> l.contains(text)).findFirst().orElseThrow(() -> new AssertionError(
				"no line with '" + text + "' in:\n" + output));
	}

}
