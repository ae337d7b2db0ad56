package cn.zibo.livelihood.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.read.CorpusReadingTests;

import static org.assertj.core.api.Assertions.assertThat;
import static cn.zibo.livelihood.Requirements.require;

/**
 * The whole robustness corpus of {@code ../shared/corpus/} dropped at once into one department's
 * folder (市邮政管理局, which no other test uses) and taken by one run of the real ingest job: the run
 * completes, and every file ends loaded or rejected with a message and a receipt, whatever it
 * holds; the encrypted ones say so. {@link CorpusReadingTests} reads the same files one by one.
 */
@PipelineIntegrationTest
class CorpusIngestIntegrationTests {

	private static final String DEPARTMENT = "市邮政管理局";

	@Autowired
	IngestFixture fixture;

	@Test
	void everyCorpusFileDroppedAtOnceEndsLoadedOrRejectedWithAReceiptAndTheRunCompletes() throws Exception {
		require(Files.isDirectory(CorpusReadingTests.CORPUS), "no corpus at " + CorpusReadingTests.CORPUS.toAbsolutePath());
		fixture.reset();
		Map<String, String> kinds = CorpusReadingTests.expectedKinds();
		List<Path> corpus;
		try (Stream<Path> walk = Files.walk(CorpusReadingTests.CORPUS)) {
			corpus = walk.filter(Files::isRegularFile).filter(CorpusReadingTests::isFed).sorted().toList();
		}
		Map<String, String> kindByName = corpus.stream()
			.collect(Collectors.toMap(CorpusIngestIntegrationTests::flatName,
					file -> kinds.getOrDefault(CorpusReadingTests.CORPUS.relativize(file).toString(), "")));
		for (Path file : corpus) {
			fixture.drop(DEPARTMENT, flatName(file), Files.readAllBytes(file));
		}

		JobExecution run = fixture.ingest();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, Map<String, Object>> submissions = fixture.jdbc().sql("""
				SELECT s.file_name, s.status, s.receipt_path, (SELECT string_agg(code, ',') FROM reporting.submission_error e
				                                                 WHERE e.submission_id = s.submission_id) AS codes,
				       (SELECT min(length(message)) FROM reporting.submission_error e WHERE e.submission_id = s.submission_id) AS shortest
				FROM reporting.submission s WHERE s.department = ?""")
			.param(DEPARTMENT)
			.query()
			.listOfRows()
			.stream()
			.collect(Collectors.toMap(row -> (String) row.get("file_name"), row -> row));
		assertThat(submissions.keySet()).as("one submission per file").containsExactlyInAnyOrderElementsOf(kindByName.keySet());
		submissions.forEach((name, s) -> {
			assertThat((String) s.get("status")).as(name).isIn("loaded", "rejected", "duplicate");
			assertThat(Path.of((String) s.get("receipt_path"))).as(name + "'s receipt").exists();
			if ("rejected".equals(s.get("status"))) {
				assertThat(((Number) s.get("shortest")).intValue()).as(name + " says why").isPositive();
			}
			if ("encrypted".equals(kindByName.get(name))) {
				assertThat((String) s.get("codes")).as(name).isEqualTo("encrypted");
			}
		});
		System.out.println(corpus.size() + " corpus files through one ingest run: " + submissions.values()
			.stream()
			.collect(Collectors.groupingBy(s -> s.get("status") + ("rejected".equals(s.get("status")) ? " " + s.get("codes") : ""),
					java.util.TreeMap::new, Collectors.counting())));
	}

	/** apache-poi/spreadsheet/x.xls becomes apache-poi_spreadsheet_x.xls: one folder holds them all. */
	private static String flatName(Path file) {
		return CorpusReadingTests.CORPUS.relativize(file).toString().replace('/', '_');
	}

}
