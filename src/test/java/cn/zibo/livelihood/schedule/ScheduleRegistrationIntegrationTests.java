package cn.zibo.livelihood.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import cn.zibo.livelihood.PipelineApplication;
import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.system.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code serve}'s start-up against a real PostgreSQL and a real clustered Quartz: each test starts the
 * application as {@code serve} does (scheduler on, no web server, watcher off) on a database of its
 * own, created on the test server, so that start-up recovery and Quartz's tables see only its runs.
 */
@PipelineIntegrationTest
class ScheduleRegistrationIntegrationTests {

	private static final AtomicInteger databases = new AtomicInteger();

	@Autowired
	EmbeddedPostgresServer server;

	@Autowired
	JdbcClient postgres;

	@TempDir
	Path work;

	@Test
	void theShippedSchedulesLandInQuartzTables() {
		JdbcClient db = newDatabase();
		try (var serve = serve(db, Path.of("jobs").toAbsolutePath())) {
			assertThat(db.sql("""
					SELECT t.trigger_name || ' ' || t.job_name || ' ' || CASE t.trigger_state WHEN 'PAUSED' THEN 'paused' ELSE 'active' END
					       || ' misfire=' || t.misfire_instr
					       || ' ' || c.cron_expression || ' ' || c.time_zone_id
					FROM quartz.qrtz_triggers t JOIN quartz.qrtz_cron_triggers c USING (sched_name, trigger_name, trigger_group)
					WHERE t.trigger_group = 'jobs' ORDER BY 1""").query(String.class).list()).containsExactly(
							"catalogue-reload catalogue-reload active misfire=1 0 30 2 * * ? Asia/Shanghai",
							"ingest ingest active misfire=1 0 */10 8-18 ? * MON-FRI Asia/Shanghai");
			assertThat(db.sql("""
					SELECT job_name || ' ' || job_class_name || ' nonconcurrent=' || is_nonconcurrent || ' durable=' || is_durable
					FROM quartz.qrtz_job_details WHERE job_group = 'jobs' ORDER BY 1""").query(String.class).list())
				.containsExactly("catalogue-reload " + ScheduledJobLaunch.class.getName() + " nonconcurrent=true durable=true",
						"ingest " + ScheduledJobLaunch.class.getName() + " nonconcurrent=true durable=true");
			assertThat(db.sql("SELECT count(*) FROM quartz.qrtz_triggers WHERE next_fire_time > extract(epoch FROM now()) * 1000")
				.query(Long.class)
				.single()).isEqualTo(2);
		}
	}

	@Test
	void theBoardShowsWhatServeRegisteredWithQuartzsNextFireTimes() {
		JdbcClient db = newDatabase();
		try (var serve = serve(db, Path.of("jobs").toAbsolutePath())) {
			ScheduleBoard board = serve.getBean(ScheduleBoard.class);

			List<ScheduleBoard.Entry> entries = board.entries();

			assertThat(board.runningHere()).isTrue();
			assertThat(entries).extracting(ScheduleBoard.Entry::name).containsExactly("catalogue-reload", "ingest");
			assertThat(entries).allSatisfy(e -> assertThat(e.stored()).isTrue());
			assertThat(entries).extracting(ScheduleBoard.Entry::when)
				.containsExactly("每天02:30", "工作日（周一至周五）8:00至18:50每10分钟");
			long ingestNext = db.sql("SELECT next_fire_time FROM quartz.qrtz_triggers WHERE trigger_group = 'jobs' AND trigger_name = 'ingest'")
				.query(Long.class)
				.single();
			assertThat(entries.get(1).nextFire().toInstant().toEpochMilli()).isEqualTo(ingestNext);
			assertThat(entries.get(1).nextFire().getOffset()).hasToString("+08:00");
		}
	}

	@Test
	void aRestartReplacesChangedSchedulesRemovesDeletedOnesAndLeavesUnchangedOnesAlone() throws IOException {
		JdbcClient db = newDatabase();
		Path jobs = Files.createDirectories(work.resolve("jobs"));
		Files.writeString(jobs.resolve("keep.yml"), "job: ingestJob\ncron: 0 0 1 * * ?\n");
		Files.writeString(jobs.resolve("change.yml"), "job: ingestJob\ncron: 0 0 2 * * ?\n");
		Files.writeString(jobs.resolve("remove.yml"), "job: catalogueLoadJob\ncron: 0 0 3 * * ?\n");
		try (var first = serve(db, jobs)) {
			assertThat(triggers(db)).containsExactly("change 0 0 2 * * ? active", "keep 0 0 1 * * ? active",
					"remove 0 0 3 * * ? active");
		}
		Map<String, Object> keptBefore = trigger(db, "keep");
		Map<String, Object> changedBefore = trigger(db, "change");

		Files.writeString(jobs.resolve("change.yml"), "job: ingestJob\ncron: 0 30 2 * * ?\n");
		Files.delete(jobs.resolve("remove.yml"));
		Files.writeString(jobs.resolve("paused.yml"), "job: catalogueLoadJob\ncron: 0 0 4 * * ?\nenabled: false\n");
		try (var second = serve(db, jobs)) {
			assertThat(triggers(db)).containsExactly("change 0 30 2 * * ? active", "keep 0 0 1 * * ? active",
					"paused 0 0 4 * * ? paused");
			assertThat(trigger(db, "keep")).as("left alone").isEqualTo(keptBefore);
			assertThat(trigger(db, "change")).isNotEqualTo(changedBefore);
			assertThat(db.sql("SELECT job_name FROM quartz.qrtz_job_details ORDER BY 1").query(String.class).list())
				.containsExactly("change", "keep", "paused");
		}
	}

	@Test
	void malformedFilesStopStartUpNamingEachFileAndItsProblem() throws IOException {
		JdbcClient db = newDatabase();
		Path jobs = Files.createDirectories(work.resolve("jobs"));
		Files.writeString(jobs.resolve("bad-cron.yml"), "job: ingestJob\ncron: 0 61 * * * ?\n");
		Files.writeString(jobs.resolve("unknown-job.yml"), "job: reportJob\ncron: 0 0 2 * * ?\n");
		Files.writeString(jobs.resolve("unknown-field.yml"), "job: ingestJob\ncron: 0 0 2 * * ?\nretries: 3\n");
		Files.writeString(jobs.resolve("fine.yml"), "job: ingestJob\ncron: 0 0 2 * * ?\n");

		assertThatThrownBy(() -> serve(db, jobs).close()).rootCause()
			.hasMessageContaining("Bad schedule file(s) in " + jobs)
			.hasMessageContaining("bad-cron.yml: cron '0 61 * * * ?' is not a Quartz cron expression")
			.hasMessageContaining("unknown-job.yml: job 'reportJob' is not a job of this pipeline")
			.hasMessageContaining("unknown-field.yml: unknown field 'retries'")
			.hasMessageNotContaining("fine.yml");
		assertThat(db.sql("SELECT count(*) FROM quartz.qrtz_triggers").query(Long.class).single())
			.as("nothing registered").isZero();
	}

	@Test
	void aScheduleFiresItsBatchJobThroughQuartz() throws Exception {
		JdbcClient db = newDatabase();
		Path jobs = Files.createDirectories(work.resolve("jobs"));
		Files.writeString(jobs.resolve("every-two-seconds.yml"), """
				job: catalogueLoadJob
				cron: 0/2 * * * * ?
				parameters:
				  seeds: %s
				""".formatted(Path.of("seeds").toAbsolutePath()));

		try (var serve = serve(db, jobs)) {
			String run = waitFor(db, """
					SELECT e.status || ' ' || max(p.parameter_value) FILTER (WHERE p.parameter_name = 'launched.by')
					       || ' seeds=' || max(p.parameter_value) FILTER (WHERE p.parameter_name = 'seeds')
					FROM batch.batch_job_execution e JOIN batch.batch_job_execution_params p USING (job_execution_id)
					WHERE e.status = 'COMPLETED' GROUP BY e.job_execution_id, e.status ORDER BY e.job_execution_id LIMIT 1""",
					Duration.ofSeconds(30));

			assertThat(run).isEqualTo("COMPLETED schedule every-two-seconds seeds=" + Path.of("seeds").toAbsolutePath());
			assertThat(db.sql("SELECT count(*) FROM reporting.task").query(Long.class).single()).isEqualTo(113);
		}
	}

	private List<String> triggers(JdbcClient db) {
		return db.sql("""
				SELECT t.trigger_name || ' ' || c.cron_expression || ' '
				       || CASE t.trigger_state WHEN 'PAUSED' THEN 'paused' ELSE 'active' END
				FROM quartz.qrtz_triggers t JOIN quartz.qrtz_cron_triggers c USING (sched_name, trigger_name, trigger_group)
				ORDER BY 1""").query(String.class).list();
	}

	private Map<String, Object> trigger(JdbcClient db, String name) {
		return db.sql("SELECT start_time, next_fire_time, prev_fire_time FROM quartz.qrtz_triggers WHERE trigger_name = ?")
			.param(name)
			.query()
			.singleRow();
	}

	private static String waitFor(JdbcClient db, String query, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var row = db.sql(query).query(String.class).optional();
			if (row.isPresent()) {
				return row.get();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("nothing for " + query + " within " + timeout);
	}

	private JdbcClient newDatabase() {
		String name = "schedule_" + databases.incrementAndGet();
		postgres.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
		postgres.sql("CREATE DATABASE " + name).update();
		return JdbcClient.create(dataSource(name));
	}

	private DataSource dataSource(String database) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), url(database), server.user(), server.password());
	}

	private String url(String database) {
		return server.jdbcUrl().replaceFirst("/postgres$", "/" + database);
	}

	/** The application as {@code serve} starts it, on the given database, with the watcher off. */
	private ConfigurableApplicationContext serve(JdbcClient db, Path jobs) {
		String database = db.sql("SELECT current_database()").query(String.class).single();
		return new SpringApplicationBuilder(PipelineApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url(database), "--spring.datasource.username=postgres",
					"--spring.datasource.password=" + server.password(),
					"--spring.quartz.auto-startup=true", "--etl.jobs=" + jobs, "--etl.watch.enabled=false",
					"--etl.inbox=" + work.resolve("inbox"), "--logging.file.name=target/test-logs/schedule.log");
	}

}
