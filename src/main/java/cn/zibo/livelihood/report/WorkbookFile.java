package cn.zibo.livelihood.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a workbook to its file through a hidden temporary name beside it, so that a file written
 * straight into an inbox or a shared folder is never picked up or opened half-written.
 */
final class WorkbookFile {

	/** What writes the workbook's bytes. */
	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	private WorkbookFile() {
	}

	static void write(Path file, Content content) throws IOException {
		Path target = file.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
		try (OutputStream out = Files.newOutputStream(temp)) {
			content.writeTo(out);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
	}

}
