package cn.zibo.livelihood.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@PipelineIntegrationTest
class CatalogueLoadJobIntegrationTests {

	private static final Path SEEDS = Path.of("seeds").toAbsolutePath();

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	NextRun nextRun;

	@Autowired
	Job catalogueLoadJob;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void useTheCatalogueJob() {
		jobs.setJob(catalogueLoadJob);
	}

	@Test
	void loadingTwiceLeavesTheSameRows() throws Exception {
		assertThat(load(SEEDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, String> before = snapshot();

		Run second = load(SEEDS);

		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outcome(second)).startsWith("unchanged");
		assertThat(second.execution().getStepExecutions()).singleElement()
			.satisfies(step -> assertThat(step.getWriteCount()).isZero());
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void theReportingViewsHoldTheCatalogueAsTheContractNamesIt() throws Exception {
		load(SEEDS);

		assertThat(count("reporting.task")).isEqualTo(113);
		assertThat(jdbc.sql("SELECT count(DISTINCT campaign_no) FROM reporting.task").query(Long.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("SELECT count(DISTINCT section_no) FROM reporting.task").query(Long.class).single()).isEqualTo(34);
		assertThat(jdbc.sql("SELECT lead_departments FROM reporting.task WHERE task_no = 11")
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
			.single()).containsExactly("市教育局", "市科技局", "市人力资源社会保障局");
		assertThat(jdbc.sql("SELECT lead_departments FROM reporting.task WHERE task_no = 86")
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
			.single()).containsExactly("市农业农村局");
		Map<String, Object> t002 = jdbc.sql("SELECT * FROM reporting.indicator WHERE indicator_code = 'T002-02'")
			.query()
			.singleRow();
		assertThat(t002).containsEntry("name", "招聘公办幼儿教师")
			.containsEntry("basis", "annual")
			.containsEntry("comparator", ">=")
			.containsEntry("additive", true)
			.containsEntry("deadline", null)
			.containsEntry("source_phrase", "每年招聘公办幼儿教师800人以上");
		assertThat(jdbc.sql("SELECT count(*) FROM reporting.indicator WHERE indicator_code LIKE '%-00'")
			.query(Long.class)
			.single()).isEqualTo(113);
		assertThat(jdbc.sql("SELECT kind, count(*) FROM reporting.district GROUP BY kind ORDER BY kind")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).containsExactly("city=1", "county=3", "district=5", "zone=3");
		assertThat(jdbc.sql("SELECT aliases FROM reporting.department WHERE code = 'hrss'")
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
			.single()).contains("市人力资源和社会保障局");
	}

	@Test
	void changedSeedsBecomeANewVersionAndTheOldVersionIsKept(@TempDir Path draft) throws Exception {
		load(SEEDS);
		long versionsBefore = count("catalogue.version");
		copySeeds(draft);
		Path indicators = draft.resolve("indicators.csv");
		Files.writeString(indicators, Files.readString(indicators).replace("T002-04,2,省级一类以上幼儿园占比",
				"T002-04,2,省级一类以上幼儿园在园占比"));

		Run changed = load(draft);

		assertThat(outcome(changed)).startsWith("loaded as new version");
		assertThat(count("catalogue.version")).isEqualTo(versionsBefore + 1);
		assertThat(indicatorName("T002-04")).isEqualTo("省级一类以上幼儿园在园占比");
		assertThat(jdbc.sql("SELECT count(DISTINCT name) FROM catalogue.indicator WHERE indicator_code = 'T002-04'")
			.query(Long.class)
			.single()).as("both versions kept").isEqualTo(2);

		Run back = load(SEEDS);

		assertThat(outcome(back)).startsWith("seeds match earlier version");
		assertThat(count("catalogue.version")).isEqualTo(versionsBefore + 1);
		assertThat(indicatorName("T002-04")).isEqualTo("省级一类以上幼儿园占比");
	}

	@Test
	void brokenSeedsFailTheJobWithEveryProblemAndChangeNothing(@TempDir Path draft) throws Exception {
		load(SEEDS);
		Map<String, String> before = snapshot();
		copySeeds(draft);
		Path indicators = draft.resolve("indicators.csv");
		Files.writeString(indicators, Files.readString(indicators)
			.replace("三年新改扩建公办幼儿园103处", "三年新改扩建公办幼儿园130处")
			.replace("T002-02,2,招聘公办幼儿教师,人,>=,800", "T002-02,2,招聘公办幼儿教师,人,>=,八百"));

		Run failed = load(draft);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.execution().getAllFailureExceptions()).singleElement()
			.satisfies(ex -> assertThat(ex.getMessage()).contains("2 problem(s)")
				.contains("(T002-01): source_phrase '三年新改扩建公办幼儿园130处' does not occur in the text of task 2")
				.contains("(T002-02): task_no and target must be plain numbers"));
		assertThat(snapshot()).isEqualTo(before);
	}

	/**
	 * Runs the job on a seeds folder. Returns a holder, not the execution itself: Spring Batch's
	 * test listener takes any method returning a JobExecution for a job-scope factory.
	 */
	private Run load(Path seeds) throws Exception {
		return new Run(jobs.startJob(nextRun.parameters("test")
			.addString(CatalogueLoadJobConfiguration.SEEDS_PARAMETER, seeds.toString())
			.toJobParameters()));
	}

	private record Run(JobExecution execution) {

		BatchStatus getStatus() {
			return execution.getStatus();
		}

	}

	private static String outcome(Run run) {
		return run.execution().getExecutionContext().getString(CatalogueLoadJobConfiguration.OUTCOME_KEY);
	}

	private String indicatorName(String code) {
		return jdbc.sql("SELECT name FROM reporting.indicator WHERE indicator_code = ?").param(code).query(String.class).single();
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	/** A digest of every catalogue table's content, so two loads can be compared row for row. */
	private Map<String, String> snapshot() {
		Map<String, String> digests = new java.util.TreeMap<>();
		for (String table : List.of("version", "campaign", "section", "task", "department", "task_lead", "district",
				"indicator")) {
			digests.put(table, jdbc.sql("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
					+ " FROM catalogue." + table + " t")
				.query(String.class)
				.single());
		}
		return digests;
	}

	private static void copySeeds(Path target) throws IOException {
		try (var files = Files.list(SEEDS)) {
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
	}

}
