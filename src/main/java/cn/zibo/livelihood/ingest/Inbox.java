package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The departments' drop folders, {@code inbox/<department>/}. A file counts once it is complete:
 * Office lock files, hidden and temporary files are never taken, and a file modified within the
 * settle time is left for the next scan, since it may still be being copied. Receipts the pipeline
 * writes into the same folders are recognised by name and left alone.
 */
public final class Inbox {

	public static final String RECEIPT_MARK = ".回执";

	private final Path root;

	private final Duration settle;

	public Inbox(Path root, Duration settle) {
		this.root = root;
		this.settle = settle;
	}

	/** A complete file in a department's folder. */
	public record InboxFile(String folder, Path path) {

		public String fileName() {
			return path.getFileName().toString();
		}

	}

	public Path root() {
		return root;
	}

	public List<InboxFile> scan() {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<InboxFile> found = new ArrayList<>();
		Instant settledBefore = Instant.now().minus(settle);
		try (Stream<Path> folders = Files.list(root)) {
			for (Path folder : folders.filter(Files::isDirectory).filter(f -> !hidden(f)).sorted().toList()) {
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
						if (takes(file) && settled(file, settledBefore)) {
							found.add(new InboxFile(folder.getFileName().toString(), file));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the inbox " + root, ex);
		}
		return found;
	}

	static boolean takes(Path file) {
		String name = file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		return !name.startsWith("~$") && !hidden(file) && !lower.endsWith(".tmp") && !lower.endsWith(".part")
				&& !lower.endsWith(".crdownload") && !name.contains(RECEIPT_MARK);
	}

	private static boolean hidden(Path path) {
		return path.getFileName().toString().startsWith(".");
	}

	/** False also for a file that went away since the folder was listed (another instance took it). */
	private static boolean settled(Path file, Instant settledBefore) throws IOException {
		try {
			return Files.getLastModifiedTime(file).toInstant().isBefore(settledBefore);
		}
		catch (NoSuchFileException gone) {
			return false;
		}
	}

}
