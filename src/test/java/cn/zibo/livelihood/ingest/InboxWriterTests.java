package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** New files (uploads) written into department folders: never replacing a file, never through a link. */
class InboxWriterTests {

	@TempDir
	Path dir;

	@Test
	void aTakenNameGetsTheFirstFreeNumberAndTheFileThereStaysAsItWas() throws IOException {
		Path inbox = dir.resolve("inbox");
		Files.createDirectories(inbox.resolve("市教育局"));
		Files.writeString(inbox.resolve("市教育局/报表.xlsx"), "the clerk's own");
		Files.writeString(inbox.resolve("市教育局/报表(2).xlsx"), "dropped earlier");
		InboxWriter writer = new InboxWriter(inbox, dir.resolve("scratch"));

		Path first = writer.newInFolder("市教育局", "报表.xlsx", out -> out.write("uploaded".getBytes(StandardCharsets.UTF_8)));
		Path fresh = writer.newInFolder("市教育局", "新的.csv", out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

		assertThat(first).isEqualTo(inbox.toAbsolutePath().resolve("市教育局/报表(3).xlsx"));
		assertThat(first).hasContent("uploaded");
		assertThat(fresh.getFileName().toString()).isEqualTo("新的.csv");
		assertThat(inbox.resolve("市教育局/报表.xlsx")).hasContent("the clerk's own");
		assertThat(inbox.resolve("市教育局/报表(2).xlsx")).hasContent("dropped earlier");
		assertThat(names(inbox.resolve("市教育局"))).containsExactlyInAnyOrder("报表.xlsx", "报表(2).xlsx", "报表(3).xlsx", "新的.csv");
		assertThat(names(dir.resolve("scratch"))).isEmpty();
	}

	@Test
	void aLinkAtTheNameIsNeitherFollowedNorReplaced() throws IOException {
		Path inbox = dir.resolve("inbox");
		Files.createDirectories(inbox.resolve("市教育局"));
		Path elsewhere = Files.writeString(dir.resolve("server-file.txt"), "not the department's");
		Files.createSymbolicLink(inbox.resolve("市教育局/报表.xlsx"), elsewhere);

		Path written = new InboxWriter(inbox, dir.resolve("scratch")).newInFolder("市教育局", "报表.xlsx",
				out -> out.write("uploaded".getBytes(StandardCharsets.UTF_8)));

		assertThat(written.getFileName().toString()).isEqualTo("报表(2).xlsx");
		assertThat(elsewhere).hasContent("not the department's");
		assertThat(Files.isSymbolicLink(inbox.resolve("市教育局/报表.xlsx"))).isTrue();
	}

	@Test
	void aDepartmentFolderThatIsALinkIsRefusedAndNothingIsWrittenWhereItPoints() throws IOException {
		Path inbox = dir.resolve("inbox");
		Files.createDirectories(inbox);
		Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
		Files.createSymbolicLink(inbox.resolve("市教育局"), elsewhere);

		assertThatExceptionOfType(NotDirectoryException.class).isThrownBy(() -> new InboxWriter(inbox, dir.resolve("scratch"))
			.newInFolder("市教育局", "报表.xlsx", out -> out.write(1)));
		assertThatExceptionOfType(NotDirectoryException.class).isThrownBy(() -> new InboxWriter(inbox, dir.resolve("scratch"))
			.newInFolder("../elsewhere", "报表.xlsx", out -> out.write(1)));
		assertThat(names(elsewhere)).isEmpty();
	}

	@Test
	void aMissingFolderIsMade() throws IOException {
		Path inbox = dir.resolve("inbox");

		Path written = new InboxWriter(inbox, dir.resolve("scratch")).newInFolder("市民政局", "a.csv", out -> out.write('x'));

		assertThat(written).hasContent("x");
		assertThat(names(inbox.resolve("市民政局"))).containsExactly("a.csv");
	}

	private static java.util.List<String> names(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).toList();
		}
	}

}
