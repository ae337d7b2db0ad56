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
 * Writes files (receipts, and files uploaded on the department page) into folders that departments
 * can write too, so that nothing a department
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

	private static final int MAX_NUMBERED = 999;

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
		Path rootPath = ensureFolder(folder);
		try (DirectoryStream<Path> top = Files.newDirectoryStream(rootPath)) {
			if (!(top instanceof SecureDirectoryStream<Path> secureRoot)) {
				return CheckedPlacement.place(folder == null ? rootPath : rootPath.resolve(folder), name, content);
			}
			if (folder == null) {
				return place(secureRoot, rootPath, name, content);
			}
			try (SecureDirectoryStream<Path> dir = secureRoot.newDirectoryStream(Path.of(folder), LinkOption.NOFOLLOW_LINKS)) {
				return place(dir, rootPath.resolve(folder), name, content);
			}
			catch (IOException ex) {
				throw CheckedPlacement.notARealFolder(rootPath.resolve(folder), ex);
			}
		}
	}

	/**
	 * Writes a new file into the department folder {@code folder} (created when gone), never replacing
	 * one: when {@code name} is taken, the first free {@code name(2).ext}, {@code name(3).ext}, … is
	 * used. The content is first placed under a hidden, unpredictable name in the folder (which the
	 * inbox never takes); the name is then reserved by creating it exclusively ({@code O_CREAT|O_EXCL},
	 * which neither follows nor replaces a link) and the content renamed over the reservation, all
	 * through the folder's open descriptor. A watcher that looks in between sees an empty file modified
	 * just now, which is not complete until the settle time has passed.
	 *
	 * @return the absolute path written, whose file name is the one chosen
	 * @throws NotDirectoryException when the folder is not a real directory (a link, a file)
	 */
	public Path newInFolder(String folder, String name, Content content) throws IOException {
		if (folder == null) {
			throw new IllegalArgumentException("A new file goes into a department folder");
		}
		Path rootPath = ensureFolder(folder);
		try (DirectoryStream<Path> top = Files.newDirectoryStream(rootPath)) {
			if (!(top instanceof SecureDirectoryStream<Path> secureRoot)) {
				return CheckedPlacement.newFile(rootPath.resolve(folder), name, content);
			}
			try (SecureDirectoryStream<Path> dir = secureRoot.newDirectoryStream(Path.of(folder), LinkOption.NOFOLLOW_LINKS)) {
				Path hidden = Path.of(place(dir, rootPath.resolve(folder), "." + UUID.randomUUID() + ".tmp", content)
					.getFileName()
					.toString());
				try {
					return reserveAndMove(dir, rootPath.resolve(folder), hidden, name);
				}
				finally {
					deleteQuietly(dir, hidden);
				}
			}
			catch (IOException ex) {
				throw CheckedPlacement.notARealFolder(rootPath.resolve(folder), ex);
			}
		}
	}

	/** The inbox root; the folder in it, unless it exists already (a link or a file there is refused when opened). */
	private Path ensureFolder(String folder) throws IOException {
		Path rootPath = root.toAbsolutePath().normalize();
		Files.createDirectories(rootPath);
		if (folder != null) {
			if (Path.of(folder).getNameCount() != 1 || folder.equals("..") || folder.equals(".")) {
				throw new NotDirectoryException(folder + " is not the name of a folder inside the inbox");
			}
			try {
				Files.createDirectory(rootPath.resolve(folder));
			}
			catch (FileAlreadyExistsException exists) {
				// the usual case
			}
		}
		return rootPath;
	}

	private static Path reserveAndMove(SecureDirectoryStream<Path> dir, Path dirPath, Path hidden, String name)
			throws IOException {
		for (int n = 1; n <= MAX_NUMBERED; n++) {
			Path target = Path.of(n == 1 ? name : numbered(name, n));
			try {
				dir.newByteChannel(target, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
						LinkOption.NOFOLLOW_LINKS)).close();
			}
			catch (FileAlreadyExistsException taken) {
				continue;
			}
			dir.move(hidden, dir, target);
			return dirPath.resolve(target);
		}
		throw new FileAlreadyExistsException(dirPath.resolve(name) + " and " + MAX_NUMBERED + " numbered names beside it");
	}

	/** 报表.xlsx → 报表(2).xlsx, as files put back into the inbox are numbered. */
	static String numbered(String name, int n) {
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) + "(" + n + ")" + name.substring(dot) : name + "(" + n + ")";
	}

	private static void deleteQuietly(SecureDirectoryStream<Path> dir, Path hidden) {
		try {
			dir.deleteFile(hidden);
		}
		catch (IOException gone) {
			// renamed into place, the usual case
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
		return CheckedPlacement.place(dirPath, name, content);
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

}
