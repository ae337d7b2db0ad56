package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(ingest.out()).contains("COMPLETED", "loaded", "市教育局_2024年第三季度.csv");
		try (var files = Files.list(inbox)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(
					"市教育局_2024年第三季度.csv.回执(1).txt", "市教育局_2024年第三季度.csv.回执(1).xlsx");
		}
		assertThat(sql.sql("SELECT indicator_code || ' ' || district_name || ' ' || period || ' = ' || trim_scale(value)"
				+ " FROM reporting.indicator_value ORDER BY 1").query(String.class).list()).containsExactly(
						"T002-01 张店区 2024Q3 = 21", "T002-01 淄博市 2024Q3 = 86", "T002-02 淄博市 2024Q3 = 812",
						"T002-03 淄博市 2024Q3 = 63.5", "T003-03 淄博市 2024Q3 = 42000");
		JarRunner.Result values = jar.run("values", "--period", "2024年第三季度");
		assertThat(values.out()).contains("T003-03", "新增优质学位", "42000", "个", "市教育局");
		assertThat(values.out().lines().filter(l -> l.startsWith("2024Q3")).count()).isEqualTo(5);
	}

	@Test
	void aKilledIngestRestartsAndLoadsEveryFileExactlyOnce() throws Exception {
		JarRunner jar = runner("crash");
		assertThat(jar.run("catalogue", "load").status()).isZero();
		List<String> codes = sql.sql("""
				SELECT i.indicator_code FROM reporting.indicator i JOIN reporting.task t USING (task_no)
				WHERE '市教育局' = ANY (t.lead_departments) AND i.basis <> 'status' ORDER BY 1""")
			.query(String.class)
			.list();
		List<String> districts = sql.sql("SELECT code FROM reporting.district ORDER BY 1").query(String.class).list();
		Path inbox = jar.workDir().resolve("inbox/市教育局");
		Files.createDirectories(inbox);
		List<String> shas = new ArrayList<>();
		int files = 60;
		for (int month = 0; month < files; month++) {
			String period = String.format("%d-%02d", 2022 + month / 12, month % 12 + 1);
			StringBuilder csv = new StringBuilder("指标编码,区县,报告期,数值\n");
			for (String code : codes) {
				for (String district : districts) {
					csv.append(code).append(',').append(district).append(',').append(period).append(',').append(40 + month % 7)
						.append('\n');
				}
			}
			byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
			shas.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
			Files.write(inbox.resolve("教育局_" + period + ".csv"), bytes);
		}
		int perFile = codes.size() * districts.size();

		JarRunner.Running first = jar.start("ingest", "--once");
		long loadedAtKill = waitForSomeLoadedThenKill(first.process(), files);

		JarRunner.Result rerun = jar.run("ingest", "--once", "--recover-after=PT0S");

		assertThat(loadedAtKill).as("killed in the middle of the batch").isBetween(1L, files - 1L);
		assertThat(rerun.status()).as(rerun.out() + rerun.err()).isZero();
		assertThat(sql.sql("SELECT status, count(*) FROM warehouse.submission GROUP BY status")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).containsExactly("loaded=" + files);
		assertThat(sql.sql("SELECT count(DISTINCT file_name) FROM warehouse.submission").query(Integer.class).single())
			.isEqualTo(files);
		assertThat(sql.sql("SELECT count(*) FROM warehouse.fact").query(Integer.class).single()).as("no fact twice")
			.isEqualTo(files * perFile);
		assertThat(sql.sql("SELECT count(*) FROM warehouse.fact WHERE is_current").query(Integer.class).single())
			.isEqualTo(files * perFile);
		for (String sha : shas) {
			assertThat(jar.workDir().resolve("var/archive").resolve(sha.substring(0, 2)).resolve(sha)).exists();
		}
		try (var left = Files.list(inbox)) {
			assertThat(left.map(f -> f.getFileName().toString()).filter(n -> !n.contains(".回执")).toList())
				.as("nothing left in the inbox").isEmpty();
		}
		assertThat(sql.sql("SELECT count(*) FROM warehouse.submission WHERE receipt_written_at IS NOT NULL")
			.query(Integer.class)
			.single()).isEqualTo(files);
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

	private long waitForSomeLoadedThenKill(Process process, int files) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline && process.isAlive()) {
			long loaded = count("SELECT count(*) FROM warehouse.submission WHERE status = 'loaded'");
			if (loaded >= 2) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
				return count("SELECT count(*) FROM warehouse.submission WHERE status = 'loaded'");
			}
			Thread.sleep(20);
		}
		return files;
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
