package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.warehouse.Submissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} as separate processes of the packaged jar against a PostgreSQL the test owns: the
 * inbox watcher, two instances sharing one database and one inbox, and start-up recovery after a
 * kill. Every test gets a database copied from one holding a loaded catalogue.
 */
class ServeFunctionalTests {

	private static final String CATALOGUED = "catalogued";

	private static EmbeddedPostgres postgres;

	private JdbcClient sql;

	@BeforeAll
	static void ownPostgresWithACatalogue() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + CATALOGUED).update();
		JarRunner jar = new JarRunner(JarRunner.workDirWith("catalogued-", "seeds"),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", CATALOGUED), "--spring.datasource.username=postgres");
		JarRunner.Result load = jar.run("catalogue", "load");
		assertThat(load.status()).as(load.out() + load.err()).isZero();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Test
	void aFileDroppedIntoTheInboxUnderServeIsLoadedWithinSecondsWithoutAnyCommand() throws Exception {
		List<String> settings = database("watched");
		JarRunner jar = new JarRunner(nightlyScheduleOnly(JarRunner.workDirWith("watched-", "seeds", "mappings")),
				with(settings, "--etl.instance=A"));
		Serve serve = Serve.start(jar);
		try {
			assertThat(serve.out()).contains("网页：http://127.0.0.1:", "数据库：", "收件箱：", "文件放入即接收", "作业计划：",
					"catalogue-reload (catalogueLoadJob, '0 30 2 * * ?' Asia/Shanghai)", "正在运行（Serving）")
				.as("one short block: the rest goes to the log file")
				.doesNotContain(" INFO ");
			Path inbox = Files.createDirectories(jar.workDir().resolve("inbox/市教育局"));
			Path receipt = inbox.resolve("市教育局_2024年第三季度.csv.回执(1).xlsx");
			long dropped = System.nanoTime();

			Files.copy(Path.of("src/test/resources/examples/市教育局_2024年第三季度.csv"), inbox.resolve("市教育局_2024年第三季度.csv"));
			waitUntil(() -> Files.exists(receipt), Duration.ofSeconds(60));

			Duration took = Duration.ofNanos(System.nanoTime() - dropped);
			System.out.println("Watched file loaded and its receipt written " + took.toMillis() + " ms after the drop");
			assertThat(took).as("within seconds (settle 1 s, watcher every 1 s)").isLessThan(Duration.ofSeconds(20));
			assertThat(sql.sql("SELECT status || ' ' || file_name FROM reporting.submission").query(String.class).list())
				.containsExactly("loaded 市教育局_2024年第三季度.csv");
			assertThat(sql.sql("SELECT count(*) FROM reporting.indicator_value").query(Long.class).single()).isEqualTo(5);
			// the receipt is written before the run's last step (reconciling what it loaded) ends
			waitUntil(() -> ingestRuns().stream().noneMatch(r -> r.endsWith(" STARTED")), Duration.ofSeconds(60));
			assertThat(ingestRuns()).containsExactly("A inbox watcher COMPLETED");

			long stopping = System.nanoTime();
			serve.stop();
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("SIGTERM stops serve").isLessThan(Duration.ofSeconds(10));
			assertThat(serve.out() + serve.err()).as("and it says nothing alarming on the way out")
				.doesNotContain("Exception", "\tat ", " ERROR ", " WARN ");
		}
		finally {
			serve.stop();
		}
	}

	/**
	 * 30 files in the suite; the soak ({@code mvn verify -Psoak}) drops {@code soak.pair.files} (200).
	 * Every tenth file is made to be rejected.
	 */
	@Test
	void twoInstancesOnOneDatabaseAndOneInboxProcessEveryFileExactlyOnce() throws Exception {
		int files = Integer.getInteger("soak.pair.files", 30);
		Path shared = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pair-shared-");
		List<String> settings = List.of(with(database("pair"), "--etl.inbox=" + shared.resolve("inbox"),
				"--etl.ingest.archive=" + shared.resolve("archive")));
		JarRunner a = new JarRunner(nightlyScheduleOnly(JarRunner.workDirWith("pair-a-", "seeds", "mappings")),
				with(settings, "--etl.instance=A"));
		JarRunner b = new JarRunner(nightlyScheduleOnly(JarRunner.workDirWith("pair-b-", "seeds", "mappings")),
				with(settings, "--etl.instance=B"));
		List<Serve> serves = Serve.startAll(a, b);
		try {
			FileBatch batch;
			long started;
			// Hold the intake lock while the files arrive, so that both instances find them and start
			// ingest at the same moment, as they would if both looked at the inbox in the same second.
			try (Connection holder = postgres.getDatabase("postgres", "pair").getConnection()) {
				advisory(holder, "pg_advisory_lock");
				batch = FileBatch.drop(sql, shared.resolve("inbox"), FileBatch.busiestDepartments(sql, 3), files, 10);
				waitUntil(() -> ingestRuns().stream().filter(r -> r.endsWith(" STARTED")).count() == 2, Duration.ofMinutes(5));
				assertThat(ingestRuns()).containsExactly("A inbox watcher STARTED", "B inbox watcher STARTED");
				started = System.nanoTime();
				advisory(holder, "pg_advisory_unlock");
			}
			waitUntil(() -> count("SELECT count(*) FROM warehouse.submission WHERE receipt_written_at IS NOT NULL") == files
					&& ingestRuns().stream().noneMatch(r -> r.endsWith("STARTED")), Duration.ofSeconds(120 + 3L * files));
			double seconds = (System.nanoTime() - started) / 1e9;

			batch.assertAccountedFor(sql, shared.resolve("inbox"), shared.resolve("archive"));
			assertThat(count("SELECT sum(write_count) FROM batch.batch_step_execution WHERE step_name = 'inboxClaimStep'"))
				.as("claimed once").isEqualTo(files);
			assertThat(count("SELECT sum(write_count) FROM batch.batch_step_execution WHERE step_name = 'submissionLoadStep'"))
				.as("loaded once").isEqualTo(batch.goodFigures());
			assertThat(count("SELECT sum(write_count) FROM batch.batch_step_execution WHERE step_name = 'receiptWriteStep'"))
				.as("receipts written once").isEqualTo(files);
			assertThat(ingestRuns()).as("both instances' runs in the job repository")
				.contains("A inbox watcher COMPLETED", "B inbox watcher COMPLETED")
				.allMatch(r -> r.endsWith("COMPLETED"));
			System.out.printf("Two instances, one database and inbox: %d files (%s, %d facts) each processed once in %.0f s;"
					+ " submissions per instance %s%n", files, batch.expectedOutcomes(), batch.goodFigures(), seconds, sql.sql("""
							SELECT p.parameter_value || '=' || sum(s.commit_count - 1) FROM batch.batch_step_execution s
							JOIN batch.batch_job_execution_params p ON p.job_execution_id = s.job_execution_id AND p.parameter_name = 'instance'
							WHERE s.step_name = 'submissionLoadStep' GROUP BY p.parameter_value ORDER BY 1""").query(String.class).list());
		}
		finally {
			serves.forEach(Serve::stop);
		}
	}

	/**
	 * {@code kill -9} in the middle of a batch, then the same {@code serve} (same settings, same
	 * instance name, {@code etl.recover-after} left at 2 minutes) started again at once: its start-up
	 * sees the killed process gone (its pid, named by its heartbeat) and finishes the killed run
	 * without waiting, neither for the recovery delay nor for a file or a schedule.
	 */
	@Test
	void aServeKilledMidIngestAndStartedAgainAtOnceAnswersEveryFileWithinAMinuteLoadingNothingTwice() throws Exception {
		List<String> settings = database("killed");
		JarRunner jar = new JarRunner(nightlyScheduleOnly(JarRunner.workDirWith("killed-", "seeds", "mappings")),
				with(settings, "--etl.instance=A"));
		int files = 20;
		FileBatch batch = FileBatch.drop(sql, jar.workDir().resolve("inbox"), List.of("市教育局"), files, 0);

		Serve killed = Serve.start(jar);
		waitUntil(() -> count("SELECT count(*) FROM warehouse.submission WHERE status = 'loaded'") >= 2, Duration.ofSeconds(120));
		killed.kill();
		long waiting = count("SELECT count(*) FROM warehouse.submission WHERE status = 'received'");
		long unanswered = count("SELECT count(*) FROM warehouse.submission WHERE status <> 'received' AND receipt_written_at IS NULL");
		long restarted = System.nanoTime();
		Serve next = Serve.start(jar);
		try {
			assertThat(waiting).as("killed in the middle of the batch: files claimed, not yet processed").isBetween(1L, files - 2L);
			assertThat(unanswered).as("and files processed, not yet answered").isPositive();
			waitUntil(() -> count("SELECT count(*) FROM warehouse.submission WHERE receipt_written_at IS NOT NULL") == files,
					Duration.ofSeconds(60));
			Duration took = Duration.ofNanos(System.nanoTime() - restarted);
			System.out.printf("Killed mid-ingest (%d waiting, %d unanswered): every file answered %d ms after the restart%n",
					waiting, unanswered, took.toMillis());
			assertThat(took).as("answered within a minute of the restart").isLessThan(Duration.ofSeconds(60));

			batch.assertAccountedFor(sql, jar.workDir().resolve("inbox"), jar.workDir().resolve("var/archive"));
			assertThat(count("SELECT count(*) FROM reporting.indicator_value")).as("no figure twice").isEqualTo(batch.goodFigures());
			assertThat(count("SELECT count(DISTINCT sha256) FROM warehouse.submission")).as("one submission per file's bytes")
				.isEqualTo(files);
			waitUntil(() -> ingestRuns().stream().noneMatch(r -> r.endsWith(" STARTED")), Duration.ofSeconds(30));
			assertThat(sql.sql("""
					SELECT p.parameter_value || ' ' || e.status || ' ' || (e.job_instance_id = max(e.job_instance_id) OVER ())
					FROM batch.batch_job_execution e
					JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = 'ingestJob'
					JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'launched.by'
					ORDER BY e.job_execution_id""").query(String.class).list())
				.as("the killed run recovered, not left running, then restarted (same job instance) before serving")
				.containsExactly("inbox watcher FAILED true", "start-up recovery COMPLETED true");
		}
		finally {
			next.stop();
		}
	}

	/**
	 * The shipped nightly schedule, not the ingest one: a scheduled ingest firing during a test (every
	 * 10 minutes in office hours) would take files meant for the watcher.
	 */
	private static Path nightlyScheduleOnly(Path workDir) throws IOException {
		Files.createDirectories(workDir.resolve("jobs"));
		Files.copy(Path.of("jobs/catalogue-reload.yml"), workDir.resolve("jobs/catalogue-reload.yml"));
		return workDir;
	}

	/** "instance launched-by status" of every ingest run, in order. */
	private List<String> ingestRuns() {
		return sql.sql("""
				SELECT max(p.parameter_value) FILTER (WHERE p.parameter_name = 'instance') || ' '
				       || max(p.parameter_value) FILTER (WHERE p.parameter_name = 'launched.by') || ' ' || e.status
				FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = 'ingestJob'
				JOIN batch.batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				GROUP BY e.job_execution_id, e.status ORDER BY 1""").query(String.class).list();
	}

	private static void advisory(Connection connection, String function) throws SQLException {
		try (var statement = connection.prepareStatement("SELECT " + function + "(?)")) {
			statement.setLong(1, Submissions.INTAKE_LOCK);
			statement.execute();
		}
	}

	private long count(String query) {
		Long value = sql.sql(query).query(Long.class).single();
		return value == null ? 0 : value;
	}

	/** A database of the test's own, copied from the one with the catalogue; the settings to use it. */
	private List<String> database(String name) {
		JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + name + " TEMPLATE " + CATALOGUED).update();
		sql = JdbcClient.create(postgres.getDatabase("postgres", name));
		return List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", name), "--spring.datasource.username=postgres",
				"--etl.ingest.settle=1s");
	}

	private static String[] with(List<String> settings, String... more) {
		List<String> all = new ArrayList<>(settings);
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within " + timeout).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** A running {@code serve} on a free port. */
	private record Serve(JarRunner.Running running) {

		static Serve start(JarRunner jar) throws Exception {
			return startAll(jar).get(0);
		}

		/** Starts them all at once, returns once each says it is serving. */
		static List<Serve> startAll(JarRunner... jars) throws Exception {
			List<Serve> serves = new ArrayList<>();
			for (JarRunner jar : jars) {
				serves.add(new Serve(jar.start("serve", "--server.port=" + freePort())));
			}
			try {
				for (Serve serve : serves) {
					waitUntil(() -> serve.out().contains("正在运行（Serving）") || !serve.running().process().isAlive(),
							Duration.ofMinutes(5));
					assertThat(serve.running().process().isAlive()).as(serve.err()).isTrue();
				}
			}
			catch (Throwable notServing) {
				// the test's finally never sees these: without this they would outlive the test
				serves.forEach(serve -> serve.running().process().destroyForcibly());
				throw notServing;
			}
			return serves;
		}

		String out() {
			return read(running.out());
		}

		String err() {
			return read(running.err());
		}

		void stop() {
			if (!running.process().isAlive()) {
				return;
			}
			running.process().destroy();
			try {
				assertThat(running.process().waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void kill() throws InterruptedException {
			running.process().destroyForcibly();
			running.process().waitFor(30, TimeUnit.SECONDS);
		}

		private static String read(Path file) {
			try {
				return Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "";
			}
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

	}

}
