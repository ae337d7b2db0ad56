package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.ops.text.Columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code ingest --once} as separate processes of the packaged jar, against a PostgreSQL the test
 * owns (so it can look inside while the pipeline runs, and after it was killed).
 */
class IngestFunctionalTests {

	private static EmbeddedPostgres postgres;

	private JdbcClient sql;

	@BeforeAll
	static void ownPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Test
	void theReadmeWalkthroughLoadsTheExampleAndWritesItsReceipt() throws Exception {
		JarRunner jar = runner("readme");
		assertThat(jar.run("catalogue", "load").status()).isZero();
		Path inbox = jar.workDir().resolve("inbox/市教育局");
		Files.createDirectories(inbox);
		Files.copy(Path.of("src/test/resources/examples/市教育局_2024年第三季度.csv"), inbox.resolve("市教育局_2024年第三季度.csv"));

		JarRunner.Result ingest = jar.run("ingest", "--once");

		assertThat(ingest.status()).as(ingest.err()).isZero();
		assertThat(ingest.out()).contains("已完成", "已入库", "市教育局_2024年第三季度.csv");
		try (var files = Files.list(inbox)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(
					"市教育局_2024年第三季度.csv.回执(1).txt", "市教育局_2024年第三季度.csv.回执(1).xlsx");
		}
		assertThat(sql.sql("SELECT indicator_code || ' ' || district_name || ' ' || period || ' = ' || trim_scale(value)"
				+ " FROM reporting.indicator_value ORDER BY 1").query(String.class).list()).containsExactly(
						"T002-01 张店区 2024Q3 = 21", "T002-01 淄博市 2024Q3 = 86", "T002-02 淄博市 2024Q3 = 812",
						"T002-03 淄博市 2024Q3 = 63.5", "T003-03 淄博市 2024Q3 = 42000");
		JarRunner.Result values = jar.run("values", "--period", "2024年第三季度");
		assertThat(values.out()).contains("T003-03", "新增优质学位", "42,000", "个", "市教育局", "全市").doesNotContain("淄博市");
		assertThat(values.out().lines().filter(l -> l.startsWith("  2024年第三季度")).count()).isEqualTo(5);
		List<String> lines = values.out().lines().toList();
		assertThat(Columns.lineUp(lines, lines.get(0), List.of("指标编码", "指标名称", "区县", "单位", "报送部门")))
			.as("values line up by display width").isTrue();
		List<String> ingested = ingest.out().lines().toList();
		String header = ingested.stream().filter(l -> l.contains("编号") && l.contains("部门")).findFirst().orElseThrow();
		assertThat(Columns.lineUp(ingested, header, List.of("部门", "结果", "文件"))).as("ingest's files line up").isTrue();
	}

	/**
	 * {@code kill -9} of {@code ingest --once}, then runs again until one finishes. In the suite: one
	 * kill, once some files are loaded. The soak ({@code mvn verify -Psoak}) sets
	 * {@code soak.crash.kills} and {@code soak.crash.files}. Files arrive in waves, one before each
	 * run, so that every run has files to take, load and answer; after the first, each kill comes at
	 * a random moment of a random stage: start-up (recovering the last run), taking files, loading
	 * them or writing receipts, when a random number of them is done. Every tenth file is made to be
	 * rejected.
	 */
	@Test
	void anIngestKilledAtAnyMomentLoadsEveryFileExactlyOnceOrRejectsIt() throws Exception {
		int kills = Integer.getInteger("soak.crash.kills", 1);
		int files = Integer.getInteger("soak.crash.files", 60);
		long seed = Long.getLong("soak.seed", System.nanoTime());
		Random random = new Random(seed);
		JarRunner jar = runner("crash");
		assertThat(jar.run("catalogue", "load").status()).isZero();
		Path inbox = jar.workDir().resolve("inbox");
		FileBatch batch = FileBatch.of(sql, FileBatch.busiestDepartments(sql, 3), files, 10);
		int wave = files / (kills + 1);
		long started = System.nanoTime();
		Map<String, Integer> killedIn = new TreeMap<>();

		for (int kill = 0; kill < kills; kill++) {
			batch.drop(inbox, kill * wave, (kill + 1) * wave);
			long lastRun = count("SELECT coalesce(max(job_execution_id), 0) FROM batch.batch_job_execution");
			long lastSubmission = count("SELECT coalesce(max(submission_id), 0) FROM warehouse.submission");
			long unprocessed = count("SELECT count(*) FROM warehouse.submission WHERE status = 'received'") + wave;
			long unanswered = count("SELECT count(*) FROM warehouse.submission WHERE receipt_written_at IS NULL") + wave;
			String since = sql.sql("SELECT now()::text").query(String.class).single();
			JarRunner.Running run = jar.start("ingest", "--once", "--recover-after=PT0S");
			int stage = (kill == 0) ? 2 : random.nextInt(4);
			switch (stage) {
				case 0 -> run.process().waitFor(random.nextInt(3000), TimeUnit.MILLISECONDS);
				case 1 -> waitUntil(run.process(), "SELECT count(*) FROM warehouse.submission WHERE submission_id > " + lastSubmission,
						1 + random.nextInt(wave - 1));
				case 2 -> {
					long processed = waitUntil(run.process(), "SELECT count(*) FROM warehouse.submission WHERE processed_at > '" + since + "'",
							(kill == 0) ? 2 : 1 + random.nextInt((int) unprocessed - 1));
					if (kill == 0) {
						assertThat(processed).as("first kill in the middle of the batch").isBetween(2L, unprocessed - 1);
					}
				}
				default -> waitUntil(run.process(), "SELECT count(*) FROM warehouse.submission WHERE receipt_written_at > '" + since + "'",
						1 + random.nextInt((int) unanswered - 1));
			}
			if (!run.process().isAlive()) {
				fail("run %d ended before its kill (seed %d): %s", kill + 1, seed, run.result().out());
			}
			killedIn.merge(stepRunning(lastRun), 1, Integer::sum);
			run.process().destroyForcibly();
			assertThat(run.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		batch.drop(inbox, kills * wave, files);
		JarRunner.Running last = jar.start("ingest", "--once", "--recover-after=PT0S");
		assertThat(last.process().waitFor(1, TimeUnit.HOURS)).as("the last run finishes the batch").isTrue();

		JarRunner.Result rerun = last.result();
		assertThat(rerun.status()).as(rerun.out() + rerun.err()).isZero();
		batch.assertAccountedFor(sql, inbox, jar.workDir().resolve("var/archive"));
		System.out.printf("Crash soak: %d kill(s) -9 %s, %d files in %d waves: %s, %d facts, each once; every input archived by"
				+ " SHA-256; %.0f s (seed %d)%n", kills, killedIn, batch.size(), kills + 1, batch.expectedOutcomes(),
				batch.goodFigures(), (System.nanoTime() - started) / 1e9, seed);
	}

	@Test
	void ingestOnceTakesARunAsLeftBehindAfterTheSettingEtlRecoverAfterUnlessTheOptionSaysOtherwise() throws Exception {
		JarRunner jar = runner("recoversetting");
		assertThat(jar.run("catalogue", "load").status()).isZero();
		long left = ingestRunLeftBehind(10);

		JarRunner.Result patient = jar.run("ingest", "--once", "--etl.recover-after=PT1H");
		String afterPatient = status(left);
		JarRunner.Result overridden = jar.run("ingest", "--once", "--etl.recover-after=PT1M", "--recover-after=PT1H");
		String afterOverridden = status(left);
		JarRunner.Result prompt = jar.run("ingest", "--once", "--etl.recover-after=PT5M");

		assertThat(List.of(patient.status(), overridden.status(), prompt.status())).containsOnly(0);
		assertThat(afterPatient).as("not updated for 10 minutes, within the setting's hour").isEqualTo("STARTED");
		assertThat(afterOverridden).as("the option overrides the setting").isEqualTo("STARTED");
		assertThat(status(left)).as("older than the setting's 5 minutes: recovered").isEqualTo("FAILED");
	}

	/** An ingest run marked running whose process ended {@code minutes} ago, as a killed process leaves it. */
	private long ingestRunLeftBehind(int minutes) {
		long instance = sql.sql("""
				INSERT INTO batch.batch_job_instance (job_instance_id, version, job_name, job_key)
				VALUES (nextval('batch.batch_job_instance_seq'), 0, 'ingestJob', md5('left behind'))
				RETURNING job_instance_id""").query(Long.class).single();
		long execution = sql.sql("""
				INSERT INTO batch.batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
				                                       status, exit_code, exit_message, last_updated)
				VALUES (nextval('batch.batch_job_execution_seq'), 1, ?, localtimestamp - make_interval(mins => ?),
				        localtimestamp - make_interval(mins => ?), 'STARTED', 'UNKNOWN', '', localtimestamp - make_interval(mins => ?))
				RETURNING job_execution_id""").params(instance, minutes, minutes, minutes).query(Long.class).single();
		sql.sql("INSERT INTO batch.batch_job_execution_params VALUES (?, 'run.id', 'java.lang.Long', '999999', 'Y')")
			.param(execution)
			.update();
		return execution;
	}

	private String status(long execution) {
		return sql.sql("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = ?")
			.param(execution)
			.query(String.class)
			.single();
	}

	/** The ingest step a run after {@code lastRun} is in, or start-up when it has none yet. */
	private String stepRunning(long lastRun) {
		return sql.sql("""
				SELECT step_name FROM batch.batch_step_execution WHERE status = 'STARTED' AND job_execution_id > ?
				ORDER BY step_execution_id DESC LIMIT 1""").param(lastRun).query(String.class).optional().orElse("start-up");
	}

	/** Waits until the query counts at least {@code some} (or the process ended); what it counts. */
	private long waitUntil(Process process, String query, long some) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		long counted = 0;
		while (System.nanoTime() < deadline && process.isAlive() && counted < some) {
			Thread.sleep(20);
			counted = count(query);
		}
		return counted;
	}

	private long count(String query) {
		try {
			return sql.sql(query).query(Long.class).single();
		}
		catch (RuntimeException notYetMigrated) {
			return 0;
		}
	}

	/** A working directory and a database of the test's own. */
	private JarRunner runner(String name) throws IOException {
		JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
		DataSource database = postgres.getDatabase("postgres", name);
		sql = JdbcClient.create(database);
		Path workDir = JarRunner.workDirWith(name + "-", "seeds", "mappings");
		String url = "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", name);
		return new JarRunner(workDir, url, "--spring.datasource.username=postgres", "--etl.ingest.settle=0s");
	}

}
