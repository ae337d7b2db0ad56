package cn.zibo.livelihood.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench} on a tiny size, as anyone runs it from a fresh clone: it writes its inputs, runs
 * the pipeline's jar as child processes against its own PostgreSQL, and prints every figure and
 * ratio of issue 6. Times are not asserted (they depend on the machine); that every figure is
 * measured and printed is.
 */
class BenchFunctionalTests {

	@Test
	void benchPrintsEveryFigureAndRatioForATinySize() throws Exception {
		Path workDir = JarRunner.workDirWith("bench-", "seeds", "mappings");
		JarRunner jar = new JarRunner(workDir);

		// about nine pipeline processes one after another: more than JarRunner.run's five minutes on a busy machine
		JarRunner.Running running = jar.start("bench", "--rows", "2000", "--latency-files", "3");
		assertThat(running.process().waitFor(20, TimeUnit.MINUTES)).as("bench finished").isTrue();
		JarRunner.Result bench = running.result();

		assertThat(bench.status()).as(bench.out() + bench.err()).isZero();
		assertThat(bench.out()).contains("Machine: ", " cores (nproc)", "RAM", "== 2,000 rows ==",
				"Inputs: UTF-8 CSV", "GB18030 CSV", "XLSX");
		assertThat(bench.out()).containsPattern("COPY into a bare table \\(PgJDBC CopyManager\\) +[\\d,]+ rows/s")
			.containsPattern("Commons CSV parse, UTF-8 \\(no processing\\) +[\\d,]+ rows/s")
			.containsPattern("Commons CSV parse, GB18030 \\(no processing\\) +[\\d,]+ rows/s")
			.containsPattern("POI event-model read, XSSFReader \\+ XSSFSheetXMLHandler \\+ DataFormatter \\(no processing\\) +[\\d,]+ rows/s");
		for (String format : new String[] { "CSV UTF-8", "CSV GB18030", "XLSX" }) {
			assertThat(bench.out()).as(format)
				.containsPattern("pipeline ingest --once, " + format
						+ " \\(-Xmx512m\\) +[\\d,]+ rows/s  \\(ingest job [\\d.]+ s; process [\\d.]+ s with start-up\\);"
						+ " peak heap [1-9]\\d* MiB, peak RSS [1-9]\\d* MiB\n    steps: inboxClaimStep [\\d.]+ s,"
						+ " submissionLoadStep [\\d.]+ s, receiptWriteStep [\\d.]+ s.*; read, map, check and load alone [\\d,]+ rows/s");
		}
		assertThat(bench.out()).containsPattern("CSV pipeline ÷ COPY +[\\d.]+ +\\(target ≥ 0.5: (met|NOT met)\\)")
			.containsPattern("XLSX pipeline ÷ stock POI event read +[\\d.]+ +\\(target ≥ 1.0: (met|NOT met)\\)")
			.containsPattern("GB18030 pipeline ÷ UTF-8 pipeline +[\\d.]+ +\\(target ≥ 0.9: (met|NOT met)\\)")
			.containsPattern("XLSX pipeline peak RSS +[1-9]\\d* MiB +\\(target < 1024 MiB: (met|NOT met)\\)")
			.containsPattern("CSV load step ÷ COPY +[\\d.]+ ")
			.containsPattern("reconcile --limit 0 +[\\d.]+ s; process [\\d.]+ s with start-up")
			.containsPattern("report --period 2024Q4 --out \\S+report-2024Q4\\.xlsx +[\\d.]+ s; process")
			.containsPattern("Drop-to-receipt latency over 3 files: median [\\d.]+ s, 95th percentile [\\d.]+ s")
			.contains("== Summary (Markdown) ==", "| size | step | rows/s | time | peak heap | peak RSS |");
		assertThat(workDir.resolve("var/bench/data/卫生健康_2000行.xlsx")).as("the inputs stay for a second look").exists();
		assertThat(Files.size(workDir.resolve("var/bench/data/卫生健康_2000行_UTF-8.csv"))).isGreaterThan(2000 * 20);
	}

}
