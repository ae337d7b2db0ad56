package cn.zibo.livelihood.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.zibo.livelihood.PipelineApplication;
import cn.zibo.livelihood.ops.CommandLineLauncher;
import cn.zibo.livelihood.system.EmbeddedPostgresServer;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.warehouse.WarehouseFill;

/**
 * Prints how long reconciliation and the reporting views take on a warehouse of a given size: for
 * each size, a fresh embedded PostgreSQL (as the application configures it) in
 * {@code target/bench-pgdata-N}, the catalogue loaded by the real {@code catalogue load}, the
 * warehouse filled by {@link WarehouseFill}, then the real {@code reconcile} command (its job's own
 * time, and the command's wall time with Spring's start), a second reconcile run, and counting and
 * reading every row of the reporting views. Not a test: figures are printed, never asserted. Run
 * from the project folder (it reads {@code seeds/}):
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     cn.zibo.livelihood.reconcile.ReconcileBenchmark 33000 1000000 \
 *     [--resubmitted=0.1] [--indicators=T002-01,T003-03] [--explain] [--no-reconcile] [--hold]
 * </pre>
 *
 * {@code --explain} also writes EXPLAIN ANALYZE of the reconcile function's work and of each view to
 * {@code target/bench/explain-N.txt}; {@code --hold} keeps the databases up at the end for a look.
 */
public final class ReconcileBenchmark {

	private static final List<String> VIEWS = List.of("reporting.indicator_value", "reporting.indicator_progress",
			"reporting.task_progress", "reporting.department_progress", "reporting.department_completeness",
			"reporting.discrepancy");

	private ReconcileBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = new ArrayList<>();
		double resubmitted = 0;
		List<String> indicators = List.of();
		boolean explain = false;
		boolean reconcile = true;
		boolean hold = false;
		for (String arg : args) {
			if (arg.startsWith("--resubmitted=")) {
				resubmitted = Double.parseDouble(arg.substring("--resubmitted=".length()));
			}
			else if (arg.startsWith("--indicators=")) {
				indicators = Arrays.asList(arg.substring("--indicators=".length()).split(","));
			}
			else if (arg.equals("--explain")) {
				explain = true;
			}
			else if (arg.equals("--no-reconcile")) {
				reconcile = false;
			}
			else if (arg.equals("--hold")) {
				hold = true;
			}
			else {
				sizes.add(Integer.parseInt(arg.replace("_", "")));
			}
		}
		for (int size : sizes) {
			measure(size, resubmitted, indicators, explain, reconcile);
		}
		if (hold) {
			print("holding the databases for a look with psql; stop with Ctrl-C");
			Thread.sleep(Long.MAX_VALUE);
		}
		System.exit(0);
	}

	private static void measure(int size, double resubmitted, List<String> indicators, boolean explain, boolean reconcile)
			throws Exception {
		Path dir = Path.of("target/bench-pgdata-" + size).toAbsolutePath();
		EmbeddedPostgresServer server = EmbeddedPostgresServer.forDirectory(new PipelineProperties.Embedded(dir, true, true, 0, "localhost"));
		String[] settings = { "--etl.embedded.data-directory=" + dir, "--etl.embedded.port=0", "--logging.file.name=target/bench-logs/pipeline.log",
				"--etl.inbox=target/bench-inbox", "--etl.ingest.archive=target/bench-archive" };
		DataSource database = new DriverManagerDataSource(server.jdbcUrl(), server.user(), server.password());
		JdbcClient jdbc = JdbcClient.create(database);
		print("%,d facts: PostgreSQL on port %d, data in %s", size, server.port(), dir);
		command(settings, "catalogue", "load");

		long started = System.nanoTime();
		WarehouseFill.Filled filled = WarehouseFill.fill(database, size, resubmitted, indicators);
		print("fill: %,d current + %,d superseded facts in %s", filled.current(), filled.superseded(), since(started));
		print("  submissions %,d, consolidated values (reporting.indicator_value) %,d", count(jdbc, "warehouse.submission"),
				count(jdbc, "reporting.indicator_value"));

		if (reconcile) {
			reconcile(settings, jdbc);
			resubmission(jdbc);
			started = System.nanoTime();
			jdbc.sql("SELECT warehouse.rebuild_current_values()").query().singleRow();
			print("warehouse.rebuild_current_values() (what a catalogue or preferred-lead change costs): %s",
					since(started));
		}
		for (String view : VIEWS) {
			started = System.nanoTime();
			long rows = count(jdbc, view);
			String counted = since(started);
			started = System.nanoTime();
			long read = readAll(database, view);
			print("%-36s %,10d rows: count(*) %s, every row read %s", view, read == rows ? rows : -1, counted, since(started));
		}
		if (explain) {
			explain(database, size);
		}
	}

	private static void reconcile(String[] settings, JdbcClient jdbc) {
		long started = System.nanoTime();
		String out = command(settings, "reconcile", "--limit", "0");
		print("reconcile command: %s wall (Spring start included), job %s s", since(started), lastJobSeconds(jdbc));
		out.lines().filter(l -> l.startsWith("核对结果")).forEach(l -> print("  %s", l.trim()));
		started = System.nanoTime();
		String again = jdbc.sql("SELECT findings || ' found, ' || opened || ' opened, ' || closed || ' closed'"
				+ " FROM warehouse.reconcile()").query(String.class).single();
		print("warehouse.reconcile() again: %s (%s)", since(started), again);
	}

	/**
	 * A department sends one period again, as the ingest would load it (staged figures promoted by
	 * warehouse.promote_submission, which keeps the consolidated values), then the reconciliation the
	 * ingest job runs after it.
	 */
	private static void resubmission(JdbcClient jdbc) {
		long submission = jdbc.sql("""
				INSERT INTO warehouse.submission (department_code, inbox_folder, file_name, sha256, size_bytes, archive_path, periods)
				SELECT department_code, department_code, 'again_' || file_name, sha256, 1, archive_path, periods
				FROM warehouse.submission WHERE status = 'loaded' ORDER BY figures_total DESC, submission_id DESC LIMIT 1
				RETURNING submission_id""").query(Long.class).single();
		String department = jdbc.sql("SELECT department_code FROM warehouse.submission WHERE submission_id = ?")
			.param(submission).query(String.class).single();
		int staged = jdbc.sql("""
				INSERT INTO staging.figure (submission_id, indicator_code, task_no, district_code, period, period_end, value,
				                            status, reported_text)
				SELECT ?, f.indicator_code, f.task_no, f.district_code, f.period, f.period_end, f.value * 1.001, f.status,
				       f.reported_text
				FROM warehouse.fact f JOIN warehouse.submission s ON s.submission_id = f.submission_id
				WHERE f.is_current AND f.department_code = ? AND f.period = (SELECT periods[1] FROM warehouse.submission
				                                                            WHERE submission_id = ?)""")
			.params(submission, department, submission).update();
		long started = System.nanoTime();
		jdbc.sql("SELECT * FROM warehouse.promote_submission(?, ?)").params(submission, department).query().singleRow();
		print("one resubmitted file of %,d figures promoted (consolidated values kept up to date): %s", staged,
				since(started));
		jdbc.sql("UPDATE warehouse.submission SET status = 'loaded', processed_at = now() WHERE submission_id = ?")
			.param(submission).update();
		started = System.nanoTime();
		String after = jdbc.sql("SELECT findings || ' found, ' || opened || ' opened, ' || closed || ' closed'"
				+ " FROM warehouse.reconcile()").query(String.class).single();
		print("warehouse.reconcile() after it: %s (%s)", since(started), after);
	}

	private static String command(String[] settings, String... words) {
		List<String> args = new ArrayList<>(Arrays.asList(words));
		args.addAll(Arrays.asList(settings));
		var text = new java.io.StringWriter();
		var out = new java.io.PrintWriter(text, true);
		int status = CommandLineLauncher.run(PipelineApplication.class, out, out, args.toArray(String[]::new));
		if (status != 0) {
			throw new IllegalStateException(String.join(" ", words) + " exited " + status + ":\n" + text);
		}
		return text.toString();
	}

	private static String lastJobSeconds(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT round(extract(epoch FROM end_time - start_time)::numeric, 2)::text FROM batch.batch_job_execution
				ORDER BY job_execution_id DESC LIMIT 1""").query(String.class).single();
	}

	private static long count(JdbcClient jdbc, String relation) {
		return jdbc.sql("SELECT count(*) FROM " + relation).query(Long.class).single();
	}

	/** Reads every row and column of a view through JDBC, as a report or page would, in pages of 10,000. */
	private static long readAll(DataSource database, String view) throws SQLException {
		try (Connection connection = database.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.setFetchSize(10_000);
				long rows = 0;
				try (ResultSet rs = statement.executeQuery("SELECT * FROM " + view)) {
					int columns = rs.getMetaData().getColumnCount();
					while (rs.next()) {
						for (int c = 1; c <= columns; c++) {
							rs.getObject(c);
						}
						rows++;
					}
				}
				connection.rollback();
				return rows;
			}
		}
	}

	private static void explain(DataSource database, int size) throws SQLException, IOException {
		List<String> lines = new ArrayList<>();
		List<String> queries = new ArrayList<>();
		queries.add("SELECT * FROM warehouse.discrepancy_found");
		VIEWS.forEach(v -> queries.add("SELECT * FROM " + v));
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			for (String query : queries) {
				lines.add("==== " + query);
				try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query)) {
					while (rs.next()) {
						lines.add(rs.getString(1));
					}
				}
			}
		}
		Path file = Path.of("target/bench/explain-" + size + ".txt");
		Files.createDirectories(file.getParent());
		Files.write(file, lines);
		print("plans: %s", file);
	}

	private static String since(long started) {
		return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - started) / 1e9);
	}

	private static void print(String format, Object... args) {
		System.out.printf("[reconcile-benchmark] " + format + "%n", args);
	}

}
