package cn.zibo.livelihood.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark itself, run by {@code mvn -B -Pbench verify} at the sizes of {@link BenchSettings}
 * ({@code -Dbench.rows=2000 -Dbench.latency-files=3} is the smallest useful run): it writes its
 * inputs, runs the freshly packaged jar as child processes against its own PostgreSQL, and prints
 * every figure and ratio on the console and into {@code work/figures.txt}. Times are not asserted
 * (they depend on the machine); that every figure is measured and printed is.
 */
class BenchFunctionalTests {

	@Test
	void benchPrintsEveryFigureAndRatio() throws Exception {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		StringWriter printed = new StringWriter();

		int status;
		try (PrintWriter out = new PrintWriter(new Tee(printed), true)) {
			status = Bench.run(settings, out);
		}
		String figures = printed.toString();
		Files.writeString(settings.work().resolve("figures.txt"), figures, StandardCharsets.UTF_8);

		assertThat(status).as(figures).isZero();
		assertThat(figures).contains("Machine: ", " cores (nproc)", "RAM", "Inputs: UTF-8 CSV", "GB18030 CSV", "XLSX");
		for (long rows : settings.rows()) {
			assertThat(figures).contains(String.format(Locale.ROOT, "== %,d rows ==", rows));
			String stem = "卫生健康_" + rows + "行";
			assertThat(settings.work().resolve("data/" + stem + ".xlsx")).as("the inputs stay for a second look").exists();
			assertThat(Files.size(settings.work().resolve("data/" + stem + "_UTF-8.csv"))).isGreaterThan(rows * 20);
		}
		assertThat(figures).containsPattern("COPY into a bare table \\(PgJDBC CopyManager\\) +[\\d,]+ rows/s")
			.containsPattern("peer: Spring Batch FlatFileItemReader → JdbcBatchItemWriter, chunk 1,000, into a bare table +[\\d,]+ rows/s")
			.containsPattern("Commons CSV parse, UTF-8 \\(no processing\\) +[\\d,]+ rows/s")
			.containsPattern("Commons CSV parse, GB18030 \\(no processing\\) +[\\d,]+ rows/s")
			.containsPattern("POI event-model read, XSSFReader \\+ XSSFSheetXMLHandler \\+ DataFormatter \\(no processing\\) +[\\d,]+ rows/s");
		for (String format : new String[] { "CSV UTF-8", "CSV GB18030", "XLSX" }) {
			assertThat(figures).as(format)
				.containsPattern("pipeline ingest --once, " + format + " \\(-Xmx" + settings.childHeap()
						+ "\\) +[\\d,]+ rows/s  \\(ingest job [\\d.]+ s; process [\\d.]+ s with start-up\\);"
						+ " peak heap [1-9]\\d* MiB, peak RSS [1-9]\\d* MiB\n    steps: inboxClaimStep [\\d.]+ s,"
						+ " submissionLoadStep [\\d.]+ s, receiptWriteStep [\\d.]+ s.*; read, map, check and load alone [\\d,]+ rows/s");
		}
		assertThat(figures).containsPattern("CSV pipeline ÷ peer +[\\d.]+ +\\(target ≥ 0.5: (met|NOT met)\\)")
			.containsPattern("CSV load step ÷ peer +[\\d.]+ +\\(target ≥ 1.0: (met|NOT met)\\)")
			.containsPattern("XLSX pipeline ÷ stock POI event read +[\\d.]+ +\\(target ≥ 1.0: (met|NOT met)\\)")
			.containsPattern("GB18030 pipeline ÷ UTF-8 pipeline +[\\d.]+ +\\(target ≥ 0.9: (met|NOT met)\\)")
			.containsPattern("XLSX pipeline peak RSS +[1-9]\\d* MiB +\\(target < 1024 MiB: (met|NOT met)\\)")
			.containsPattern("CSV load step ÷ COPY +[\\d.]+ ")
			.containsPattern("reconcile --limit 0 +[\\d.]+ s; process [\\d.]+ s with start-up")
			.containsPattern("report --period " + settings.reportPeriod() + " --out \\S+report-" + settings.reportPeriod()
					+ "\\.xlsx +[\\d.]+ s; process")
			.containsPattern("Drop-to-receipt latency over " + settings.latencyFiles()
					+ " files: median [\\d.]+ s, 95th percentile [\\d.]+ s")
			.containsPattern("Both cores: at once ÷ one after another: ingest job [\\d.]+, load step [\\d.]+")
			.contains("== Summary (Markdown) ==", "| size | step | rows/s | time | peak heap | peak RSS |",
					"| # | target | measured | required | met |");
		for (int target = 1; target <= 7; target++) {
			assertThat(figures).as("target " + target).containsPattern("\\n\\| " + target + " \\| [^|]+ \\| [^|]+ \\| [^|]* \\| (yes|no)");
		}
		if (settings.json() != null) {
			String json = Files.readString(settings.json(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"peerRowsPerSecond\": ", "\"poiEventReadRowsPerSecond\": ", "\"loadStepRowsPerSecond\": ",
					"\"peakRssMiB\": ", "\"p95Seconds\": ", "\"reconcileSeconds\": ", "\"reportSeconds\": ", "\"jobRatio\": ")
				.doesNotContain("\"peerRowsPerSecond\": null");
		}
	}

	/** Every figure to the console as it is measured, and kept for the assertions and the file. */
	private static final class Tee extends Writer {

		private final PrintWriter console = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

		private final StringWriter kept;

		Tee(StringWriter kept) {
			this.kept = kept;
		}

		@Override
		public void write(char[] text, int offset, int length) {
			console.write(text, offset, length);
			kept.write(text, offset, length);
		}

		@Override
		public void flush() {
			console.flush();
		}

		@Override
		public void close() {
			console.flush();
		}

	}

}
