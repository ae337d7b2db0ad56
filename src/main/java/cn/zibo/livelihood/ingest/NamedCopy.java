package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The archived bytes under the name the department gave them. Archived files are named by their
 * SHA-256, but readers go by the extension and messages should name the clerk's file, so the file
 * is read through a hard link (a copy where links are not possible) in a scratch folder.
 */
final class NamedCopy implements AutoCloseable {

	private final Path folder;

	private final Path file;

	NamedCopy(Path archived, String fileName) {
		if (archived.getFileName().toString().equals(fileName)) {
			this.folder = null;
			this.file = archived;
			return;
		}
		try {
			this.folder = Files.createTempDirectory(archived.getParent(), ".reading-");
			this.file = folder.resolve(Path.of(fileName).getFileName().toString());
			try {
				Files.createLink(file, archived);
			}
			catch (IOException | UnsupportedOperationException ex) {
				Files.copy(archived, file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + archived + " for reading", ex);
		}
	}

	Path path() {
		return file;
	}

	@Override
	public void close() {
		if (folder == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
