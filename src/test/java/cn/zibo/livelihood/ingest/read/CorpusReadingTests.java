package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static cn.zibo.livelihood.Requirements.require;

/**
 * Every file of the robustness corpus in {@code ../shared/corpus/} is opened and read completely
 * (all sheets, all rows, merged ranges) within a time limit, and ends read or rejected with a
 * reason for the clerk; nothing else may escape. Fed as they are: .csv, .xlsx, .xls (any case),
 * .xlsb, .xlsm, .ods, .tsv and .txt. The .xml and .htm files (XML Spreadsheet 2003 and Excel's
 * web page export) are fed as copies named .xls, the way such files reach an inbox. Not fed: the
 * .json reference results of csv-spectrum, MANIFEST.md and expected.tsv.
 *
 * <p>From {@code expected.tsv}: every file of kind {@code encrypted} must be refused as
 * {@code encrypted} (POI tells them all, the encrypted .xlsb included, as its OLE2 container says
 * so before its extension matters), every {@code valid} file must be read and every
 * {@code unsupported} one refused. Kinds {@code edge} and {@code malformed} may end either way,
 * since for those the corpus itself allows reading leniently or refusing.
 */
public class CorpusReadingTests {

	public static final Path CORPUS = Path.of("../shared/corpus");

	/**
	 * Generous on purpose: it catches hangs, not slowness. One BIFF8 file (57231_MixedGasReport.xls)
	 * takes ~10 s alone because POI's HSSF usermodel builds trace messages through log4j-to-slf4j
	 * even with tracing off, and several times that on a busy machine.
	 */
	static final Duration LIMIT_PER_FILE = Duration.ofSeconds(120);

	static final Map<String, String> outcomes = new ConcurrentSkipListMap<>();

	@TempDir
	static Path renamed;

	@TestFactory
	Stream<DynamicTest> everyCorpusFileIsReadOrRejectedWithAReason() throws IOException {
		require(Files.isDirectory(CORPUS), "no corpus at " + CORPUS.toAbsolutePath());
		Map<String, String> kinds = expectedKinds();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(CORPUS)) {
			files = walk.filter(Files::isRegularFile).filter(CorpusReadingTests::isFed).sorted().toList();
		}
		return files.stream().map(file -> {
			String name = CORPUS.relativize(file).toString();
			return DynamicTest.dynamicTest(name, () -> check(name, fedAs(file), kinds.get(name)));
		});
	}

	private void check(String name, Path fed, String kind) {
		long start = System.nanoTime();
		Outcome outcome = assertTimeoutPreemptively(LIMIT_PER_FILE, () -> Outcome.of(fed));
		String line = outcome.summary() + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)";
		outcomes.put(name, line);
		System.out.println(name + " [" + kind + "] " + line);
		if (outcome.rejection() != null) {
			assertThat(outcome.rejection().chineseMessage()).as(name).isNotBlank();
		}
		if ("encrypted".equals(kind)) {
			assertThat(outcome.code()).as(name + " is encrypted").isEqualTo("encrypted");
		}
		if ("valid".equals(kind)) {
			assertThat(outcome.code()).as(name + " is valid").isEqualTo("read");
		}
		if ("unsupported".equals(kind)) {
			assertThat(outcome.code()).as(name + " is not a format we read").isNotEqualTo("read");
		}
		if (!fed.equals(CORPUS.resolve(name))) {
			assertThat(outcome.code()).as(name + " named .xls").isEqualTo("unsupported_format");
		}
	}

	@AfterAll
	static void printCountsPerOutcome() {
		Map<String, Long> counts = new TreeMap<>(outcomes.values()
			.stream()
			.map(line -> line.startsWith("rejected") ? line.substring(0, line.indexOf(':')) : "read")
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
		System.out.println(outcomes.size() + " corpus files: " + counts);
	}

	public static boolean isFed(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return !name.equals("expected.tsv") && Stream.of(".csv", ".xlsx", ".xls", ".xlsb", ".xlsm", ".ods", ".tsv", ".txt", ".xml", ".htm")
			.anyMatch(name::endsWith);
	}

	private static Path fedAs(Path file) throws IOException {
		String name = file.getFileName().toString();
		if (!name.endsWith(".xml") && !name.endsWith(".htm")) {
			return file;
		}
		Path copy = renamed.resolve(CORPUS.relativize(file).toString().replace('/', '_') + ".xls");
		return Files.copy(file, copy);
	}

	public static Map<String, String> expectedKinds() throws IOException {
		Path expected = CORPUS.resolve("expected.tsv");
		if (!Files.exists(expected)) {
			return Map.of();
		}
		try (Stream<String> lines = Files.lines(expected)) {
			return lines.skip(1)
				.map(line -> line.split("\t"))
				.filter(columns -> columns.length >= 2)
				.collect(Collectors.toMap(columns -> columns[0], columns -> columns[1], (a, b) -> a));
		}
	}

	/** How reading one file ended: how much was read, or why it was refused. */
	record Outcome(int sheets, long rows, long merged, UnreadableFileException rejection) {

		static Outcome of(Path file) {
			int sheets = 0;
			long[] rows = { 0 };
			long merged = 0;
			try (TabularFile table = TabularFiles.open(file)) {
				for (String sheet : table.sheetNames()) {
					sheets++;
					merged += table.mergedRanges(sheet).size();
					table.readRows(sheet, row -> ++rows[0] > 0);
				}
				return new Outcome(sheets, rows[0], merged, null);
			}
			catch (UnreadableFileException ex) {
				return new Outcome(sheets, rows[0], merged, ex);
			}
		}

		String code() {
			return (rejection == null) ? "read" : rejection.code();
		}

		String summary() {
			if (rejection == null) {
				return "read: " + sheets + " sheet(s), " + rows + " row(s), " + merged + " merged range(s)";
			}
			return "rejected " + rejection.code() + ": " + rejection.chineseMessage() + " | " + rejection.getMessage()
				.lines()
				.findFirst()
				.orElse("");
		}

	}

}
