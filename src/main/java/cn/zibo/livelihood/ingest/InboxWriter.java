package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files (receipts) into folders that departments can write too, so that nothing a department
 * plants there (a symbolic link at the name a receipt will get, or a department folder swapped for a
 * link) can make the pipeline write anywhere else.
 * <p>
 * The content is written to a scratch file outside the inbox, then renamed into the folder in one
 * step. The folder is opened without following links, relative to the inbox root's open descriptor
 * ({@link SecureDirectoryStream}, i.e. {@code openat} and {@code renameat}), so there is no moment
 * between a check and the write in which a folder could be replaced. A rename replaces a link at the
 * target name instead of following it. When the scratch folder is on another file system, the
 * content is copied into a new, unpredictable hidden name in the folder ({@code O_CREAT|O_EXCL},
 * never following a link) and renamed from there.
 */
public final class InboxWriter {

	private final Path root;

	private final Path scratch;

	public InboxWriter(Path root, Path scratch) {
		this.root = root;
		this.scratch = scratch;
	}

	/** What goes into the file. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Writes {@code name} into the department folder {@code folder} of the inbox (or into the inbox
	 * root when {@code folder} is null), creating the folder when it is gone.
	 *
	 * @return the absolute path written
	 * @throws NotDirectoryException when the folder is not a real directory (a link, a file)
	 */
	public Path intoFolder(String folder, String name, Content content) throws IOException {
		Path rootPath = root.toAbsolutePath().normalize();
		Files.createDirectories(rootPath);
		if (folder != null) {
			try {
				Files.createDirectory(rootPath.resolve(folder));
			}
			catch (FileAlreadyExistsException exists) {
				// the usual case; a link or a file there is refused when it is opened below
			}
		}
		try (DirectoryStream<Path> top = Files.newDirectoryStream(rootPath)) {
			if (!(top instanceof SecureDirectoryStream<Path> secureRoot)) {
				return checkedPlace(rootPath, folder, name, content);
			}
			if (folder == null) {
				return place(secureRoot, rootPath, name, content);
			}
			try (SecureDirectoryStream<Path> dir = secureRoot.newDirectoryStream(Path.of(folder), LinkOption.NOFOLLOW_LINKS)) {
				return place(dir, rootPath.resolve(folder), name, content);
			}
			catch (IOException ex) {
				throw notARealFolder(rootPath.resolve(folder), ex);
			}
		}
	}

	/** Writes {@code name} into {@code directory}, anywhere (a pre-check beside the file checked). */
	public Path into(Path directory, String name, Content content) throws IOException {
		Path dirPath = directory.toAbsolutePath().normalize();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dirPath)) {
			if (stream instanceof SecureDirectoryStream<Path> dir) {
				return place(dir, dirPath, name, content);
			}
		}
		return checkedPlace(dirPath.getParent(), dirPath.getFileName().toString(), name, content);
	}

	private Path place(SecureDirectoryStream<Path> dir, Path dirPath, String name, Content content) throws IOException {
		Files.createDirectories(scratch);
		Path temp = Files.createTempFile(scratch.toAbsolutePath(), "written-", ".part");
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				content.writeTo(out);
			}
			try (DirectoryStream<Path> scratchStream = Files.newDirectoryStream(temp.getParent())) {
				if (scratchStream instanceof SecureDirectoryStream<Path> scratchDir) {
					scratchDir.move(temp.getFileName(), dir, Path.of(name));
					return dirPath.resolve(name);
				}
			}
			catch (AtomicMoveNotSupportedException otherFileSystem) {
				// copied below
			}
			Path hidden = Path.of("." + UUID.randomUUID() + ".tmp");
			try (SeekableByteChannel channel = dir.newByteChannel(hidden, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)); OutputStream out = Channels.newOutputStream(channel)) {
				Files.copy(temp, out);
			}
			dir.move(hidden, dir, Path.of(name));
			return dirPath.resolve(name);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * Where the platform has no {@link SecureDirectoryStream}: the folder is checked to be a real
	 * directory, and the file is written under a new name and renamed, which replaces a link rather
	 * than following it. A folder swapped for a link between the check and the write is not caught.
	 */
	private Path checkedPlace(Path parent, String folder, String name, Content content) throws IOException {
		Path dir = folder == null ? parent : parent.resolve(folder);
		if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			throw new NotDirectoryException(dir + " is not a real directory (a symbolic link, or a file)");
		}
		Path hidden = dir.resolve("." + UUID.randomUUID() + ".tmp");
		try (OutputStream out = Files.newOutputStream(hidden, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				LinkOption.NOFOLLOW_LINKS)) {
			content.writeTo(out);
		}
		Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		return dir.resolve(name);
	}

	private static IOException notARealFolder(Path folder, IOException cause) {
		if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			NotDirectoryException refused = new NotDirectoryException(folder + " is not a real directory (a symbolic link, or a file)");
			refused.initCause(cause);
			return refused;
		}
		return cause;
	}

}
