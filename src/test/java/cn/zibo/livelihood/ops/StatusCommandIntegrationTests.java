package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

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

		assertThat(status).containsSubsequence("Recent job runs (作业运行):", "Submissions (报送):",
				"Failed job runs (失败的作业运行):", "Open discrepancies (待核实差异):");
		assertThat(status).containsPattern("\\n\\s+" + failed.getId() + "\\s+ingestJob\\s+\\S+ \\S+\\s+\\S+\\s+FAILED");
		assertThat(status).containsPattern("Submissions \\(报送\\): [1-9]\\d* waiting, the oldest received 20\\d\\d-");
		assertThat(line(status, "卫健_进展_2025Q3.csv")).contains("received");
		assertThat(status).containsPattern("Failed job runs \\(失败的作业运行\\): [1-9]\\d* awaiting restart");
		assertThat(line(status, failed.getId() + "  ingestJob", "Failed job runs")).contains("FAILED", "awaiting restart");
		assertThat(status).contains("坏的_status.yml", "press Restart (重新运行)", "http://127.0.0.1:8080/runs/ID",
				"`ingest --once` also finishes the last failed ingest run");
		assertThat(status).containsPattern("co_lead_mismatch\\s+牵头部门数值不一致\\s+[1-9]\\d* open");
		assertThat(status).contains("#" + finding + " co_lead_mismatch (牵头部门数值不一致) T023-01 学生总体近视率年降幅, 淄博市, 2025Q3");

		// once the cause is fixed and the run restarted, status says what became of it
		Files.delete(fixture.mappingsDir().resolve("坏的_status.yml"));
		JobExecution restarted = executions.restart(failed.getId());
		String after = status();

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(line(after, failed.getId() + "  ingestJob", "Failed job runs"))
			.contains("restarted as #" + restarted.getId() + " (COMPLETED)");
		assertThat(line(after, "卫健_进展_2025Q3.csv")).contains("loaded");
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
