package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * {@link InboxWriter} where the platform has no {@link SecureDirectoryStream}: the folder is checked to
 * be a real directory, and the file is written under a new hidden name and renamed, which replaces a
 * link rather than following it. A folder swapped for a link between the check and the write is not
 * caught.
 */
final class CheckedPlacement {

	private CheckedPlacement() {
	}

	/** Writes {@code name} into {@code dir}, replacing what the name holds. */
	static Path place(Path dir, String name, InboxWriter.Content content) throws IOException {
		Path hidden = hidden(dir, content);
		Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		return dir.resolve(name);
	}

	/** Writes a new file into {@code dir} under {@code name} or the first free numbered name beside it. */
	static Path newFile(Path dir, String name, InboxWriter.Content content) throws IOException {
		Path hidden = hidden(dir, content);
		try {
			for (int n = 1; n <= 999; n++) {
				Path target = dir.resolve(n == 1 ? name : InboxWriter.numbered(name, n));
				try {
					// without REPLACE_EXISTING: refused when the name is taken (checked, then renamed)
					Files.move(hidden, target);
					return target;
				}
				catch (FileAlreadyExistsException taken) {
					// the next number
				}
			}
			throw new FileAlreadyExistsException(dir.resolve(name) + " and 999 numbered names beside it");
		}
		finally {
			Files.deleteIfExists(hidden);
		}
	}

	private static Path hidden(Path dir, InboxWriter.Content content) throws IOException {
		if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			throw new NotDirectoryException(dir + " is not a real directory (a symbolic link, or a file)");
		}
		Path hidden = dir.resolve("." + UUID.randomUUID() + ".tmp");
		try (OutputStream out = Files.newOutputStream(hidden, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				LinkOption.NOFOLLOW_LINKS)) {
			content.writeTo(out);
		}
		return hidden;
	}

	static IOException notARealFolder(Path folder, IOException cause) {
		if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			NotDirectoryException refused = new NotDirectoryException(folder + " is not a real directory (a symbolic link, or a file)");
			refused.initCause(cause);
			return refused;
		}
		return cause;
	}

}
