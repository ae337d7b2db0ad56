package cn.zibo.livelihood.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zibo.livelihood.PipelineApplication;
import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.catalogue.CatalogueLoader;
import cn.zibo.livelihood.ingest.SubmissionLoader;
import cn.zibo.livelihood.system.EmbeddedPostgresServer;
import cn.zibo.livelihood.system.ThisProcess;
import cn.zibo.livelihood.warehouse.Submissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code serve} does with runs a dead process left marked running, and with the work they
 * left: each test starts the application as {@code serve} does (scheduler on, no web server) on a
 * database of its own, with a heartbeat every 200 ms and processes dead after 1 s of silence.
 */
@PipelineIntegrationTest
class AbandonedRunsIntegrationTests {

	private static final AtomicInteger databases = new AtomicInteger();

	@Autowired
	EmbeddedPostgresServer server;

	@Autowired
	JdbcClient postgres;

	@TempDir
	Path work;

	@Test
	void aRunIsRecoveredWhenItsProcessIsGoneAndOnlyAfterRecoverAfterWhenItCannotBeJudged() throws Exception {
		JdbcClient db = newDatabase();
		serve(db, false).close();
		ThisProcess self = ThisProcess.current();
		long gonePid = exitedPid();
		long deadHere = run(db, "dead-here", self.host() + ":" + gonePid + ":1", 0);
		beat(db, self.host() + ":" + gonePid + ":1", self.host(), self.pidNamespace(), gonePid, "now()");
		long neverBeatOld = run(db, "never-beat-old", "elsewhere:7:1", 10);
		long neverBeat = run(db, "never-beat", "elsewhere:8:1", 0);
		long silentElsewhere = run(db, "silent-elsewhere", "gone:9:1", 0);
		beat(db, "gone:9:1", "gone", "pid:[1]", 9, "now() - interval '1 hour'");
		// last, so that start-up recovery finds the last ingest running and restarts nothing
		long beatingElsewhere = run(db, "beating-elsewhere", "elsewhere:10:1", 0);
		beat(db, "elsewhere:10:1", "elsewhere", "pid:[1]", 10, "now() + interval '1 hour'");

		try (var serve = serve(db, false)) {
			assertThat(status(db, deadHere)).as("pid gone on this machine: recovered at once, its beat fresh or not")
				.isEqualTo("FAILED");
			assertThat(status(db, neverBeatOld)).as("no heartbeat, not updated for recover-after: recovered").isEqualTo("FAILED");
			assertThat(status(db, neverBeat)).as("no heartbeat, updated just now: could be alive").isEqualTo("STARTED");
			assertThat(status(db, beatingElsewhere)).isEqualTo("STARTED");
			assertThat(db.sql("SELECT count(*) FROM batch.instance_heartbeat WHERE process = ?")
				.param(self.token())
				.query(Long.class)
				.single()).as("this process beats").isOne();

			// once this process has beaten for dead-after itself: a beat silent for longer is a death
			waitUntil(() -> "FAILED".equals(status(db, silentElsewhere)), Duration.ofSeconds(20));

			assertThat(status(db, beatingElsewhere)).as("another host's process that beats is alive").isEqualTo("STARTED");
			assertThat(status(db, neverBeat)).isEqualTo("STARTED");
		}
		assertThat(db.sql("SELECT count(*) FROM batch.instance_heartbeat WHERE process = ?").param(self.token())
			.query(Long.class)
			.single()).as("a clean stop leaves no beat behind").isZero();
	}

	@Test
	void theWatcherProcessesAndAnswersWhatARunLeftInTheDatabaseWithTheInboxEmptyAndThenRests() throws Exception {
		JdbcClient db = newDatabase();
		long processed;
		long claimed;
		try (var command = serve(db, false)) {
			command.getBean(CatalogueLoader.class).load(Path.of("seeds"));
			Submissions submissions = command.getBean(Submissions.class);
			TransactionTemplate transaction = new TransactionTemplate(command.getBean(PlatformTransactionManager.class));
			processed = claim(db, submissions, "市教育局_2024年第二季度.csv");
			transaction.executeWithoutResult(status -> command.getBean(SubmissionLoader.class).processNext());
			claimed = claim(db, submissions, "市教育局_2024年第三季度.csv");
		}
		assertThat(db.sql("SELECT submission_id || ' ' || status || ' ' || (receipt_written_at IS NULL) FROM warehouse.submission"
				+ " ORDER BY 1").query(String.class).list())
			.as("as a killed run leaves them").containsExactly(processed + " loaded true", claimed + " received true");
		Files.createDirectories(work.resolve("inbox/市教育局"));

		try (var serve = serve(db, true)) {
			waitUntil(() -> db.sql("SELECT count(*) FROM warehouse.submission WHERE receipt_written_at IS NOT NULL")
				.query(Long.class)
				.single() == 2, Duration.ofSeconds(30));
			Thread.sleep(2_000);

			assertThat(db.sql("SELECT status FROM warehouse.submission ORDER BY submission_id").query(String.class).list())
				.containsExactly("loaded", "loaded");
			assertThat(db.sql("""
					SELECT i.job_name || ' ' || p.parameter_value || ' ' || e.status FROM batch.batch_job_execution e
					JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
					JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'launched.by'
					ORDER BY e.job_execution_id""").query(String.class).list())
				.as("one run for the waiting work, none after it (nothing waits), and the reconciliation it queued")
				.containsExactly("ingestJob inbox watcher COMPLETED", "reconcileJob inbox watcher COMPLETED");
			try (var receipts = Files.list(work.resolve("inbox/市教育局"))) {
				assertThat(receipts.map(f -> f.getFileName().toString()).toList()).contains(
						"市教育局_2024年第三季度.csv.回执(" + claimed + ").xlsx", "市教育局_2024年第二季度.csv.回执(" + processed + ").xlsx");
			}
		}
	}

	/** Claims an example file, archived under the work folder, as intake would; its submission id. */
	private long claim(JdbcClient db, Submissions submissions, String fileName) throws IOException {
		byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/examples", fileName));
		Path archived = Files.write(Files.createDirectories(work.resolve("archive")).resolve(fileName), bytes);
		String department = db.sql("SELECT code FROM reporting.department WHERE name = '市教育局'").query(String.class).single();
		return submissions.claim(department, "市教育局", fileName, sha256(bytes), bytes.length, archived, null).orElseThrow();
	}

	/** An ingest run marked running, made by {@code process}, last updated {@code minutes} ago. */
	private static long run(JdbcClient db, String instance, String process, int minutes) {
		long jobInstance = db.sql("""
				INSERT INTO batch.batch_job_instance (job_instance_id, version, job_name, job_key)
				VALUES (nextval('batch.batch_job_instance_seq'), 0, 'ingestJob', ?) RETURNING job_instance_id""")
			.param(UUID.randomUUID().toString().replace("-", ""))
			.query(Long.class)
			.single();
		long execution = db.sql("""
				INSERT INTO batch.batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,
				                                       status, exit_code, exit_message, last_updated)
				VALUES (nextval('batch.batch_job_execution_seq'), 1, ?, localtimestamp - make_interval(mins => ?),
				        localtimestamp - make_interval(mins => ?), 'STARTED', 'UNKNOWN', '', localtimestamp - make_interval(mins => ?))
				RETURNING job_execution_id""").params(jobInstance, minutes, minutes, minutes).query(Long.class).single();
		List<String[]> parameters = new ArrayList<>();
		parameters.add(new String[] { "run.id", "java.lang.Long", String.valueOf(1000 + execution), "Y" });
		parameters.add(new String[] { "instance", "java.lang.String", instance, "N" });
		parameters.add(new String[] { "process", "java.lang.String", process, "N" });
		for (String[] p : parameters) {
			db.sql("INSERT INTO batch.batch_job_execution_params VALUES (?, ?, ?, ?, ?)").params(execution, p[0], p[1], p[2], p[3]).update();
		}
		return execution;
	}

	private static void beat(JdbcClient db, String process, String host, String pidNamespace, long pid, String beatAt) {
		db.sql("INSERT INTO batch.instance_heartbeat (process, instance, host, pid_namespace, pid, beat_at) VALUES (?, ?, ?, ?, ?, "
				+ beatAt + ")").params(process, process, host, pidNamespace, pid).update();
	}

	/** The pid of a process that has ended (and been reaped). */
	private static long exitedPid() throws IOException, InterruptedException {
		Process process = new ProcessBuilder("true").start();
		process.waitFor();
		return process.pid();
	}

	private static String status(JdbcClient db, long execution) {
		return db.sql("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = ?").param(execution)
			.query(String.class)
			.single();
	}

	private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within " + timeout).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JdbcClient newDatabase() {
		String name = "abandoned_" + databases.incrementAndGet();
		postgres.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
		postgres.sql("CREATE DATABASE " + name).update();
		return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url(name), server.user(), server.password()));
	}

	private String url(String database) {
		return server.jdbcUrl().replaceFirst("/postgres$", "/" + database);
	}

	/** The application as {@code serve} starts it on the given database, no schedules, the watcher on or off. */
	private ConfigurableApplicationContext serve(JdbcClient db, boolean watching) throws IOException {
		String database = db.sql("SELECT current_database()").query(String.class).single();
		Path mappings = Files.createDirectories(work.resolve("mappings"));
		if (!Files.exists(mappings.resolve("default.yml"))) {
			Files.copy(Path.of("mappings/default.yml"), mappings.resolve("default.yml"));
		}
		return new SpringApplicationBuilder(PipelineApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url(database), "--spring.datasource.username=postgres",
					"--spring.datasource.password=" + server.password(),
					"--spring.quartz.auto-startup=true", "--etl.jobs=" + Files.createDirectories(work.resolve("jobs")),
					"--etl.watch.enabled=" + watching, "--etl.watch.interval=200ms", "--etl.heartbeat.interval=200ms",
					"--etl.heartbeat.dead-after=1s", "--etl.inbox=" + work.resolve("inbox"), "--etl.mappings=" + mappings,
					"--etl.ingest.archive=" + work.resolve("archive"), "--etl.ingest.settle=0s",
					"--logging.file.name=target/test-logs/abandoned-runs.log");
	}

}
