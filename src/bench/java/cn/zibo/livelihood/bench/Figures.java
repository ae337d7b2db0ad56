package cn.zibo.livelihood.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints every figure as it is measured, then a summary table (Markdown, as the README keeps it)
 * with the ratios the targets are stated in, and whether each is met.
 */
final class Figures {

	private final PrintWriter out;

	private final List<String> table = new ArrayList<>();

	private final List<String> ratios = new ArrayList<>();

	/** Every size measured, in order. */
	final List<Size> sizes = new ArrayList<>();

	/** {@code reconcile --limit 0} and {@code report} over the largest warehouse; null when not measured. */
	Double reconcileSeconds;

	Double reportSeconds;

	/** Drop-to-receipt seconds under {@code serve}, in the order dropped, and the warehouse they were measured on. */
	List<Double> latencies = List.of();

	long latencyWarehouseFigures;

	long latencyWarehouseFindings;

	BothCores.Result bothCores;

	Figures(PrintWriter out) {
		this.out = out;
	}

	/** A timed step: rows in seconds. */
	record Timing(long rows, double seconds) {

		double rowsPerSecond() {
			return rows / seconds;
		}

	}

	/** One {@code ingest --once}: the ingest job's own duration, and the process around it. */
	record Pipeline(Timing job, Timing load, double processSeconds, long peakHeapMib, long peakRssKib) {
	}

	/** One step of the ingest job and how long it took. */
	record Step(String name, double seconds) {
	}

	/** The ingest job's step that reads, maps, checks and loads (the rest take the file and answer it). */
	static final String LOAD_STEP = "submissionLoadStep";

	/** The figures of one size, filled in as they are measured. */
	static final class Size {

		final long rows;

		Timing copy;

		Timing peer;

		Timing csvParse;

		Timing gbParse;

		Timing poiRead;

		Pipeline csv;

		Pipeline gb;

		Pipeline xlsx;

		Size(long rows) {
			this.rows = rows;
		}

	}

	void machine() {
		out.printf("Machine: %d cores (nproc), %s, %s RAM; Java %s%n", Runtime.getRuntime().availableProcessors(),
				cpuModel(), memTotal(), System.getProperty("java.version"));
		table.add("| size | step | rows/s | time | peak heap | peak RSS |");
		table.add("|---|---|---:|---:|---:|---:|");
	}

	void section(String title) {
		out.println();
		out.println("== " + title + " ==");
		out.flush();
	}

	void inputs(BenchInputs.Files3 files, double seconds) throws IOException {
		out.printf("Inputs: UTF-8 CSV %s, GB18030 CSV %s, XLSX %s (written in %.1f s)%n", mib(files.utf8Csv()),
				mib(files.gb18030Csv()), mib(files.xlsx()), seconds);
	}

	Size size(long rows) {
		Size size = new Size(rows);
		sizes.add(size);
		return size;
	}

	Timing timing(String what, long rows, double seconds) {
		Timing timing = new Timing(rows, seconds);
		out.printf("%-90s %,12.0f rows/s  (%.2f s)%n", what, timing.rowsPerSecond(), seconds);
		out.flush();
		table.add(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f s | | |", count(rows), what, timing.rowsPerSecond(),
				seconds));
		return timing;
	}

	Pipeline pipeline(String what, long rows, double jobSeconds, List<Step> steps, Child.Run run) {
		double loadSeconds = steps.stream().filter(s -> s.name().equals(LOAD_STEP)).mapToDouble(Step::seconds).sum();
		Pipeline pipeline = new Pipeline(new Timing(rows, jobSeconds), new Timing(rows, loadSeconds), run.seconds(),
				run.peakHeapMib(), run.peakRssKib());
		out.printf("%-90s %,12.0f rows/s  (ingest job %.2f s; process %.2f s with start-up); peak heap %d MiB, peak RSS %d MiB%n",
				what, pipeline.job().rowsPerSecond(), jobSeconds, run.seconds(), run.peakHeapMib(), run.peakRssKib() / 1024);
		out.printf("    steps: %s; read, map, check and load alone %,.0f rows/s%n", steps.stream()
			.map(s -> String.format(Locale.ROOT, "%s %.2f s", s.name(), s.seconds()))
			.collect(java.util.stream.Collectors.joining(", ")), pipeline.load().rowsPerSecond());
		out.flush();
		table.add(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f s (process %.1f s) | %d MiB | %d MiB |", count(rows),
				what, pipeline.job().rowsPerSecond(), jobSeconds, run.seconds(), run.peakHeapMib(), run.peakRssKib() / 1024));
		table.add(String.format(Locale.ROOT, "| %s | ↳ of which the step that reads, maps, checks and loads | %,.0f | %.2f s | | |",
				count(rows), pipeline.load().rowsPerSecond(), loadSeconds));
		return pipeline;
	}

	void ratios(Size s) {
		out.println("Ratios:");
		out.printf("  %-45s %8.2f      (Spring Batch FlatFileItemReader → JdbcBatchItemWriter, chunk 1,000; no target)%n",
				"peer ÷ COPY", s.peer.rowsPerSecond() / s.copy.rowsPerSecond());
		ratio(s, "CSV pipeline ÷ peer", s.csv.job().rowsPerSecond() / s.peer.rowsPerSecond(), 0.5, "≥ 0.5");
		ratio(s, "CSV load step ÷ peer", s.csv.load().rowsPerSecond() / s.peer.rowsPerSecond(), 1.0, "≥ 1.0");
		out.printf("  %-45s %8.2f      (no target: COPY is the limit)%n", "CSV pipeline ÷ COPY",
				s.csv.job().rowsPerSecond() / s.copy.rowsPerSecond());
		ratio(s, "XLSX pipeline ÷ stock POI event read", s.xlsx.job().rowsPerSecond() / s.poiRead.rowsPerSecond(), 1.0,
				"≥ 1.0");
		ratio(s, "GB18030 pipeline ÷ UTF-8 pipeline", s.gb.job().rowsPerSecond() / s.csv.job().rowsPerSecond(), 0.9,
				"≥ 0.9");
		out.printf("  %-45s %8.2f      (the load step alone, without taking the file, receipt and reconcile; no target)%n",
				"CSV load step ÷ COPY", s.csv.load().rowsPerSecond() / s.copy.rowsPerSecond());
		out.printf("  %-45s %8.2f      (the load step alone; no target)%n", "XLSX load step ÷ stock POI event read",
				s.xlsx.load().rowsPerSecond() / s.poiRead.rowsPerSecond());
		double rssMib = s.xlsx.peakRssKib() / 1024.0;
		String met = rssMib < 1024 ? "met" : "NOT met";
		out.printf("  %-45s %8.0f MiB  (target < 1024 MiB: %s)%n", "XLSX pipeline peak RSS", rssMib, met);
		ratios.add(String.format(Locale.ROOT, "| %s | XLSX pipeline peak RSS (-Xmx512m) | %.0f MiB | < 1 GiB | %s |",
				count(s.rows), rssMib, met));
		out.flush();
	}

	private void ratio(Size s, String what, double value, double target, String stated) {
		String met = value >= target ? "met" : "NOT met";
		out.printf("  %-45s %8.2f      (target %s: %s)%n", what, value, stated, met);
		ratios.add(String.format(Locale.ROOT, "| %s | %s | %.2f | %s | %s |", count(s.rows), what, value, stated, met));
	}

	void job(String what, Double jobSeconds, Child.Run run) {
		if (what.startsWith("reconcile")) {
			reconcileSeconds = jobSeconds;
		}
		else if (what.startsWith("report")) {
			reportSeconds = jobSeconds;
		}
		String job = jobSeconds == null ? "no time of its own" : String.format(Locale.ROOT, "%.2f s", jobSeconds);
		out.printf("%-45s %s; process %.2f s with start-up%n", what, job, run.seconds());
		out.flush();
		table.add(String.format(Locale.ROOT, "| warehouse | %s | | %s (process %.1f s) | | |", what, job, run.seconds()));
	}

	void note(String what) {
		out.println("(" + what + ")");
		out.flush();
	}

	void notAvailable(String what, String why) {
		out.printf("%-45s %s%n", what, why);
		table.add("| warehouse | " + what + " | | " + why + " | | |");
	}

	void latency(List<Double> seconds, long warehouseFigures, long openFindings) {
		latencies = List.copyOf(seconds);
		latencyWarehouseFigures = warehouseFigures;
		latencyWarehouseFindings = openFindings;
		List<Double> sorted = seconds.stream().sorted().toList();
		double median = percentile(sorted, 50);
		double p95 = percentile(sorted, 95);
		out.printf("Drop-to-receipt latency over %d files: median %.2f s, 95th percentile %.2f s, max %.2f s%n",
				sorted.size(), median, p95, sorted.get(sorted.size() - 1));
		table.add(String.format(Locale.ROOT, "| 100 rows × %d | serve: drop to receipt | | median %.2f s, p95 %.2f s | | |",
				sorted.size(), median, p95));
		ratios.add(String.format(Locale.ROOT, "| 100 rows | drop-to-receipt median / p95 | %.2f s / %.2f s | ≤ 2 s / ≤ 3 s | %s |",
				median, p95, median <= 2 && p95 <= 3 ? "met" : "NOT met"));
	}

	/** One of the two runs of {@link BothCores}. */
	void bothCoresRun(String how, int files, long rows, double jobSeconds, double loadSeconds, List<Step> steps) {
		out.printf("%-90s ingest job %.2f s, load step %.2f s%n", files + " files of " + count(rows) + " rows, " + how,
				jobSeconds, loadSeconds);
		out.printf("    steps: %s%n", steps.stream()
			.map(s -> String.format(Locale.ROOT, "%s %.2f s", s.name(), s.seconds()))
			.collect(java.util.stream.Collectors.joining(", ")));
		out.flush();
		table.add(String.format(Locale.ROOT, "| %d × %s | ingest --once, %s | %,.0f | %.2f s (load step %.2f s) | | |", files,
				count(rows), how, files * rows / jobSeconds, jobSeconds, loadSeconds));
	}

	void bothCores(BothCores.Result result) {
		bothCores = result;
		out.printf("Both cores: at once ÷ one after another: ingest job %.2f, load step %.2f (target ≤ 0.65)%n",
				result.jobRatio(), result.loadRatio());
		out.flush();
	}

	/** Nearest rank. */
	static double percentile(List<Double> sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	void summary() {
		section("Summary (Markdown)");
		table.forEach(out::println);
		out.println();
		out.println("| size | ratio | value | target | |");
		out.println("|---|---|---:|---|---|");
		ratios.forEach(out::println);
		out.println();
		out.println("Targets:");
		out.println();
		Targets.of(this).forEach(out::println);
		out.flush();
	}

	int failed(String what, Child.Run run) {
		out.printf("FAILED: %s ended with status %d; its output is in %s%n", what, run.status(), run.log());
		run.out().lines().skip(Math.max(0, run.out().lines().count() - 15)).forEach(line -> out.println("  " + line));
		out.flush();
		return 1;
	}

	int refused(String why) {
		out.println("FAILED: " + why);
		out.flush();
		return 1;
	}

	static String count(long rows) {
		return String.format(Locale.ROOT, "%,d", rows);
	}

	private static String mib(Path file) throws IOException {
		return String.format(Locale.ROOT, "%.1f MiB", Files.size(file) / 1048576.0);
	}

	private static String cpuModel() {
		return procLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
	}

	private static String memTotal() {
		return procLine(Path.of("/proc/meminfo"), "MemTotal")
			.map(kib -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kib.replaceAll("\\D", "")) / 1048576.0))
			.orElse("unknown");
	}

	private static java.util.Optional<String> procLine(Path file, String key) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter(line -> line.startsWith(key))
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

}
