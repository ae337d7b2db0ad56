package cn.zibo.livelihood.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a workbook to its file through a hidden temporary name beside it, so that a file written
 * straight into an inbox or a shared folder is never picked up or opened half-written. The temporary
 * name is new and unpredictable and is created without following links, and the rename replaces a
 * link at the file's name rather than writing through it: nothing planted in a shared folder can
 * redirect the write.
 */
public final class WorkbookFile {

	/** What writes the workbook's bytes. */
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	private WorkbookFile() {
	}

	public static void write(Path file, Content content) throws IOException {
		Path target = file.toAbsolutePath();
		Files.createDirectories(target.getParent());
		Path temp = target.resolveSibling("." + UUID.randomUUID() + ".tmp");
		try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				LinkOption.NOFOLLOW_LINKS)) {
			content.writeTo(out);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
	}

}
