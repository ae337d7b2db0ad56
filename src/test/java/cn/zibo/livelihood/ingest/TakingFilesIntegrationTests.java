package cn.zibo.livelihood.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.Inbox.InboxFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file is taken only as it was archived: a writer that pauses is not cut short, and a file saved
 * over while it is being taken is neither deleted unread nor lost. Periods 2056 to 2059 of 市教育局
 * are this class's.
 */
@PipelineIntegrationTest
class TakingFilesIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInbox() {
		fixture.reset();
	}

	@Test
	void aFileStillOpenInItsWriterIsLeftUntilItIsClosedAndThenLoadedWhole() throws Exception {
		Path folder = Files.createDirectories(fixture.inbox().resolve("市教育局"));
		Path file = folder.resolve("slow_2056Q1.csv");
		// another program that writes the header, pauses far longer than the settle time, then the rest
		Process writer = new ProcessBuilder("sh", "-c",
				"{ printf '指标编码,数值\\n'; sleep 4; printf 'T002-01,41\\nT002-02,42\\n'; } > '" + file + "'").start();
		waitUntil(() -> Files.exists(file) && Files.size(file) > 0);

		fixture.ingest();

		assertThat(claims("slow_2056Q1.csv")).as("not taken while its writer holds it open").isZero();
		assertThat(file).exists();
		assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();

		fixture.ingest();

		assertThat(claims("slow_2056Q1.csv")).isEqualTo(1);
		assertThat(fixture.values(fixture.submissionId("slow_2056Q1.csv"))).containsExactly("T002-01 370300 2056Q1 = 41",
				"T002-02 370300 2056Q1 = 42");
		assertThat(file).doesNotExist();
	}

	@Test
	void aFileSavedOverAfterItWasArchivedStaysInTheInboxAndOnlyTheArchivedOneIsRemoved() throws Exception {
		Path folder = Files.createDirectories(fixture.inbox().resolve("市教育局"));
		Path file = Files.writeString(folder.resolve("saved_2057Q1.csv"), "指标编码,数值\nT002-01,43\n");
		FileState archived = FileState.of(file).orElseThrow();
		saveOver(file, "指标编码,数值\nT002-01,44\n");

		Taking.remove(new InboxFile("市教育局", file), archived);

		assertThat(file).as("the newer file, under its own name").hasContent("指标编码,数值\nT002-01,44\n");
		try (var left = Files.list(folder)) {
			assertThat(left).as("nothing set aside left behind").containsExactly(file);
		}

		Taking.remove(new InboxFile("市教育局", file), FileState.of(file).orElseThrow());

		assertThat(file).doesNotExist();
	}

	@Test
	void everyVersionOfAFileSavedOverAgainAndAgainWhileItIsTakenEndsArchivedAndTheLastIsAnswered() throws Exception {
		Path folder = Files.createDirectories(fixture.inbox().resolve("市教育局"));
		Path file = folder.resolve("churn_2058Q1.csv");
		AtomicBoolean saving = new AtomicBoolean(true);
		String[] last = new String[1];
		Thread excel = new Thread(() -> {
			try {
				for (int version = 1; saving.get() && version < 400; version++) {
					last[0] = "指标编码,数值\nT002-01," + version + "\n";
					saveOver(file, last[0]);
					Thread.sleep(5);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		excel.start();
		for (int run = 0; run < 6; run++) {
			fixture.ingest();
		}
		saving.set(false);
		excel.join();

		fixture.ingest();

		assertThat(file).as("the last version was taken").doesNotExist();
		String lastSha = sha256(last[0]);
		assertThat(fixture.jdbc()
			.sql("SELECT status FROM warehouse.submission WHERE file_name = 'churn_2058Q1.csv' AND sha256 = ?")
			.param(lastSha)
			.query(String.class)
			.list()).as("the last version saved was claimed and processed").containsAnyOf("loaded", "duplicate");
		List<String> archivedShas = fixture.jdbc()
			.sql("SELECT archive_path FROM warehouse.submission WHERE file_name = 'churn_2058Q1.csv'")
			.query(String.class)
			.list();
		for (String path : archivedShas) {
			assertThat(Path.of(path)).as("every claimed version's bytes are archived").exists();
		}
		assertThat(fixture.jdbc()
			.sql("SELECT count(*) FROM warehouse.submission WHERE file_name = 'churn_2058Q1.csv' AND receipt_path IS NULL")
			.query(Long.class)
			.single()).as("every version taken was answered").isZero();
	}

	/** As Excel saves: the new content under a temporary name, then renamed over the file. */
	private static void saveOver(Path file, String content) throws Exception {
		Path temp = file.resolveSibling("~$saving.tmp");
		Files.writeString(temp, content);
		Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private long claims(String fileName) {
		return fixture.jdbc()
			.sql("SELECT count(*) FROM warehouse.submission WHERE file_name = ?")
			.param(fileName)
			.query(Long.class)
			.single();
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private interface Check {

		boolean holds() throws Exception;

	}

	private static void waitUntil(Check check) throws Exception {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!check.holds()) {
			assertThat(System.nanoTime()).as("waited too long").isLessThan(until);
			Thread.sleep(20);
		}
	}

}
