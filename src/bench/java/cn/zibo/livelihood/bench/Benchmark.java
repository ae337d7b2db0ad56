package cn.zibo.livelihood.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.bench.Child.Run;

/**
 * The benchmark: for each size, writes the inputs, measures the limits (COPY, POI's
 * event read, Commons CSV) and the pipeline's {@code ingest --once} on each file, every one against
 * the same PostgreSQL and from the same empty warehouse; then {@code reconcile} and {@code report}
 * over the largest warehouse, and the drop-to-receipt latency under {@code serve}.
 */
final class Benchmark {

	/** The department whose indicators fill the files (the one leading the most indicators). */
	static final String DEPARTMENT = "health";

	/**
	 * What to run and where.
	 *
	 * @param childSettings settings every child gets: the benchmark's database, inbox, archive, seeds, mappings
	 * @param reportCommand whether this jar has {@code report}
	 */
	record Options(Path java, Path jar, Path work, List<Long> sizes, int latencyFiles, String childHeap,
			List<String> childJvmOptions, List<String> childSettings, boolean reportCommand, String reportPeriod,
			Duration stepLimit, int bothCoresFiles, long bothCoresRows, Path json) {
	}

	private final Options options;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Child child;

	private final Figures figures;

	private final BenchDatabase database;

	Benchmark(Options options, DataSource dataSource, PrintWriter out) {
		this.options = options;
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.database = new BenchDatabase(jdbc, options.work());
		this.child = new Child(options.java(), options.jar(), options.work(), options.childJvmOptions(),
				options.childSettings());
		this.figures = new Figures(out);
	}

	/** @return 0 when every step ran and every file loaded, else 1 */
	int run() throws Exception {
		figures.machine();
		Run catalogue = child.run("catalogue-load", List.of(), List.of("catalogue", "load"), List.of());
		if (!catalogue.ok()) {
			return figures.failed("catalogue load", catalogue);
		}
		BenchRows rows = BenchDepartment.rows(jdbc, DEPARTMENT);
		for (long size : options.sizes()) {
			if (size > rows.capacity()) {
				return figures.refused("bench.rows " + size + " is more than the " + rows.capacity()
						+ " distinct figures one department's file can hold");
			}
			if (!size(rows, size)) {
				return 1;
			}
		}
		long largest = options.sizes().get(options.sizes().size() - 1);
		figures.section("Over the " + Figures.count(largest) + "-row warehouse");
		everySeriesChanged();
		Run reconcile = timedJob("reconcile", List.of("reconcile", "--limit", "0"));
		if (!reconcile.ok() && !reconcile.timedOut()) {
			return figures.failed("reconcile", reconcile);
		}
		if (options.reportCommand()) {
			Path out = options.work().resolve("report-" + options.reportPeriod() + ".xlsx");
			Run report = timedJob("report", List.of("report", "--period", options.reportPeriod(), "--out", out.toString()));
			if (!report.ok() && !report.timedOut()) {
				return figures.failed("report", report);
			}
		}
		else {
			figures.notAvailable("report --period " + options.reportPeriod(), "n/a (no report command)");
		}
		figures.section("Latency under serve: " + options.latencyFiles() + " files of 100 rows dropped one after another");
		long warehouseFigures = database.figures();
		long openFindings = database.openFindings();
		figures.note(String.format(java.util.Locale.ROOT, "over the warehouse as it stands: %,d figures, %,d open findings",
				warehouseFigures, openFindings));
		List<Double> latencies = new ServeLatency(child, options.work(), rows).measure(options.latencyFiles());
		figures.latency(latencies, warehouseFigures, openFindings);
		if (options.bothCoresFiles() > 0 && !bothCores()) {
			return 1;
		}
		figures.summary();
		if (options.json() != null) {
			BenchJson.write(figures, options.json());
			figures.note("every figure written to " + options.json());
		}
		return 0;
	}

	/** {@link BothCores}: the departments' files at once, against one after another. */
	private boolean bothCores() throws Exception {
		List<BothCores.DepartmentFile> departments = BothCores.departments(jdbc, options.bothCoresFiles(),
				options.bothCoresRows());
		figures.section("Both cores: " + departments.size() + " files of " + Figures.count(options.bothCoresRows())
				+ " rows from " + departments.size() + " departments dropped at once");
		if (departments.size() < 2) {
			figures.refused("fewer than two departments lead tasks of their own holding " + options.bothCoresRows() + " figures");
			return false;
		}
		BothCores.Result result = new BothCores(child, database, options.work(), options.childHeap()).measure(departments,
				options.bothCoresRows(), figures);
		if (result == null) {
			return false;
		}
		figures.bothCores(result);
		return true;
	}

	private boolean size(BenchRows rows, long size) throws Exception {
		figures.section(Figures.count(size) + " rows");
		long written = System.nanoTime();
		BenchInputs.Files3 files = BenchInputs.write(rows, size, options.work().resolve("data"));
		figures.inputs(files, (System.nanoTime() - written) / 1e9);
		Figures.Size measured = figures.size(size);
		measured.copy = timed(() -> Limits.copy(dataSource, files.utf8Csv()), size, "COPY into a bare table (PgJDBC CopyManager)");
		Limits.dropCopyTable(dataSource);
		measured.peer = timed(() -> Peer.load(dataSource, files.utf8Csv()), size,
				"peer: Spring Batch FlatFileItemReader → JdbcBatchItemWriter, chunk 1,000, into a bare table");
		Peer.dropTable(dataSource);
		measured.csvParse = timed(() -> Limits.csvParse(files.utf8Csv(), StandardCharsets.UTF_8), size,
				"Commons CSV parse, UTF-8 (no processing)");
		measured.gbParse = timed(() -> Limits.csvParse(files.gb18030Csv(), java.nio.charset.Charset.forName("GB18030")),
				size, "Commons CSV parse, GB18030 (no processing)");
		measured.poiRead = timed(() -> Limits.poiEventRead(files.xlsx()), size,
				"POI event-model read, XSSFReader + XSSFSheetXMLHandler + DataFormatter (no processing)");
		measured.csv = pipeline(files.utf8Csv(), size, "CSV UTF-8");
		measured.gb = pipeline(files.gb18030Csv(), size, "CSV GB18030");
		measured.xlsx = pipeline(files.xlsx(), size, "XLSX");
		if (measured.copy == null || measured.peer == null || measured.csv == null || measured.gb == null || measured.xlsx == null) {
			return false;
		}
		figures.ratios(measured);
		return true;
	}

	private interface Measured {

		long rows() throws Exception;

	}

	private Figures.Timing timed(Measured measured, long expected, String what) throws Exception {
		long started = System.nanoTime();
		long rows = measured.rows();
		double seconds = (System.nanoTime() - started) / 1e9;
		if (rows != expected) {
			figures.refused(what + " saw " + rows + " rows, not " + expected);
			return null;
		}
		return figures.timing(what, rows, seconds);
	}

	/** {@code ingest --once} on one file, from an empty warehouse, as a child with the heap limit. */
	private Figures.Pipeline pipeline(Path file, long size, String what) throws Exception {
		database.emptyWarehouse();
		Path folder = Files.createDirectories(options.work().resolve("inbox").resolve(BenchDepartment.folder(jdbc, DEPARTMENT)));
		Files.copy(file, folder.resolve(file.getFileName()));
		long before = database.lastExecution();
		Run run = child.run("ingest-" + size + "-" + what.replace(' ', '-'), List.of("-Xmx" + options.childHeap()),
				List.of("ingest", "--once"), List.of("--etl.ingest.settle=0s"));
		if (!run.ok()) {
			figures.failed("ingest --once " + file.getFileName(), run);
			return null;
		}
		var loaded = jdbc.sql("SELECT status, figures_total FROM warehouse.submission ORDER BY submission_id DESC LIMIT 1")
			.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
			.single();
		if (!loaded.equals("loaded " + size)) {
			figures.refused(file.getFileName() + " was not loaded whole: " + loaded + "; see " + run.log());
			return null;
		}
		return figures.pipeline("pipeline ingest --once, " + what + " (-Xmx" + options.childHeap() + ")", size,
				database.jobSeconds("ingestJob", before), database.steps(before), run);
	}

	/** A child whose job's own duration is reported beside the process's. */
	private Run timedJob(String name, List<String> args) throws Exception {
		long before = database.lastExecution();
		Run run = child.run(name, List.of(), args, List.of(), options.stepLimit());
		if (run.ok()) {
			Double seconds = database.jobSecondsAny(before);
			figures.job(String.join(" ", args), seconds != null ? seconds : ownSeconds(run.out()), run);
		}
		else if (run.timedOut()) {
			// the stopped process's query goes on in its server process until it next writes to it
			jdbc.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
					+ " AND datname = current_database() AND state <> 'idle'").query(Long.class).single();
			figures.notAvailable(String.join(" ", args), String.format(java.util.Locale.ROOT,
					"did not finish within %d min (stopped; raise -Dbench.step-limit)", options.stepLimit().toMinutes()));
		}
		return run;
	}

	/**
	 * Ingest has already reconciled what it loaded, so a reconcile now would look only at what changed
	 * since (nothing). Marking every series changed makes it re-examine the whole warehouse, as after
	 * a first load: the figure the target is about.
	 */
	private void everySeriesChanged() {
		jdbc.sql("""
				WITH changed AS (UPDATE warehouse.current_value_state SET version = version + 1 RETURNING version)
				INSERT INTO warehouse.changed_series (indicator_code, district_code, version)
				SELECT DISTINCT v.indicator_code, v.district_code, changed.version
				FROM warehouse.current_value v CROSS JOIN changed
				ON CONFLICT ON CONSTRAINT changed_series_pk DO UPDATE SET version = excluded.version""").update();
		figures.note("every series of the warehouse marked changed, so that reconcile re-examines all of it");
	}

	/** What a command that runs no job says it took ({@code report}: reading the views and writing). */
	private static Double ownSeconds(String out) {
		java.util.regex.Matcher said = java.util.regex.Pattern
			.compile("(?:views read in |读取视图)([0-9.]+) ?(?:s, workbook written in |秒，写出工作簿)([0-9.]+) ?(?:s|秒)")
			.matcher(out);
		return said.find() ? Double.parseDouble(said.group(1)) + Double.parseDouble(said.group(2)) : null;
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
