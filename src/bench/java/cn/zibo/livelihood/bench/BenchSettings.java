package cn.zibo.livelihood.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * What one run measures and where. Each setting is a system property that Maven passes on from its
 * own command line ({@code mvn -B -Pbench verify -Dbench.rows=2000}), with the default a fresh clone
 * runs with; relative paths are taken from the project folder, where Maven runs the benchmark.
 *
 * @param rows {@code bench.rows}: sizes in rows, comma-separated; reconcile and report run over the last
 * @param work {@code bench.work}: the benchmark's own database (created afresh on every run, its
 * warehouse emptied between measurements: never the one the pipeline serves from), inputs, inbox and logs
 * @param latencyFiles {@code bench.latency-files}: 100-row files dropped under {@code serve}
 * @param childHeap {@code bench.child-heap}: {@code -Xmx} of the measured ingest processes
 * @param childJvmOptions {@code bench.child-jvm-options}: JVM options for every child, separated by spaces
 * (e.g. {@code -XX:StartFlightRecording=filename=x.jfr})
 * @param reportPeriod {@code bench.report-period}: the period of the timed report
 * @param stepLimit {@code bench.step-limit}: how long reconcile and report may take before they are
 * stopped and reported as such (ISO-8601, e.g. {@code PT15M})
 * @param jar {@code bench.jar}: the pipeline jar run as child processes; by default the one the
 * default build packages
 * @param bothCoresFiles {@code bench.both-cores-files}: departments' files dropped at once to see both
 * cores used (0: not measured)
 * @param bothCoresRows {@code bench.both-cores-rows}: rows in each of them
 * @param json {@code bench.json}: where every figure is also written as JSON; null: nowhere
 */
record BenchSettings(List<Long> rows, Path work, int latencyFiles, String childHeap, List<String> childJvmOptions,
		String reportPeriod, Duration stepLimit, Path jar, int bothCoresFiles, long bothCoresRows, Path json) {

	static BenchSettings fromSystemProperties() {
		List<Long> rows = Arrays.stream(property("bench.rows", "100000,1000000").split(","))
			.map(String::trim)
			.map(n -> number("bench.rows", n))
			.toList();
		if (rows.isEmpty() || rows.stream().anyMatch(n -> n < 1)) {
			throw new IllegalArgumentException("bench.rows takes positive sizes, e.g. -Dbench.rows=100000,1000000");
		}
		String options = property("bench.child-jvm-options", "").trim();
		Path jar = Path.of(property("bench.jar", "target/livelihood-pipeline.jar")).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException("bench.jar: no file " + jar + "; mvn -B -Pbench verify packages it first,"
					+ " or give -Dbench.jar=FILE");
		}
		return new BenchSettings(rows, Path.of(property("bench.work", "var/bench")).toAbsolutePath().normalize(),
				(int) number("bench.latency-files", property("bench.latency-files", "20")), property("bench.child-heap", "512m"),
				options.isEmpty() ? List.of() : List.of(options.split("\\s+")), property("bench.report-period", "2024Q4"),
				duration(property("bench.step-limit", "PT15M")), jar,
				(int) number("bench.both-cores-files", property("bench.both-cores-files", "8")),
				number("bench.both-cores-rows", property("bench.both-cores-rows", "100000")),
				property("bench.json", "").isBlank() ? null : Path.of(property("bench.json", "")).toAbsolutePath().normalize());
	}

	/** Maven passes an option given as {@code -Dbench.x=} with nothing after it as empty: the default then. */
	private static String property(String name, String byDefault) {
		String value = System.getProperty(name, "");
		return value.isBlank() ? byDefault : value;
	}

	private static long number(String name, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " takes whole numbers without separators, not '" + value + "'", ex);
		}
	}

	private static Duration duration(String value) {
		try {
			return Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("bench.step-limit takes an ISO-8601 duration such as PT15M, not '" + value + "'",
					ex);
		}
	}

}
