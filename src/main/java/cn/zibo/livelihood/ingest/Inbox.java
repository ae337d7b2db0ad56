package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * <p>
 * Symbolic links are never followed, neither a department folder that is a link nor a file that is
 * one: whoever can drop a link could otherwise make the pipeline read, archive and remove any file
 * it may read. They are listed apart ({@link #links()}), so that the sender is told why nothing
 * happened. Anything else that is not a regular file (a pipe, a device) is ignored: opening a pipe
 * would wait forever.
 */
public final class Inbox {

	public static final String RECEIPT_MARK = ".回执";

	/** What a receipt name carries after the file's name when the file was not read: a link. */
	public static final String UNREAD = "未读取";

	/** Longest file name, in bytes, that Linux, macOS and Windows file systems all take. */
	static final int MAX_NAME_BYTES = 255;

	/** Room a receipt's name keeps for its extension and the temporary name it is written under. */
	private static final int WRITING_ROOM = ".".length() + ".xlsx.tmp".length();

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

	/**
	 * A symbolic link where a department folder or a file was expected.
	 *
	 * @param folder the department folder it is in, or its own name when the link is a department folder
	 * @param departmentFolder whether the link is where a department folder would be
	 */
	public record InboxLink(String folder, Path path, boolean departmentFolder) {

		public String name() {
			return path.getFileName().toString();
		}

		/** Receipt name without extension, beside the link. */
		public Path receipt() {
			return path.resolveSibling(receiptName(name(), UNREAD));
		}

		public boolean answered() {
			return Files.exists(receipt().resolveSibling(receipt().getFileName() + ".txt"), LinkOption.NOFOLLOW_LINKS);
		}

	}

	public Path root() {
		return root;
	}

	public List<InboxFile> scan() {
		List<InboxFile> found = new ArrayList<>();
		Instant settledBefore = Instant.now().minus(settle);
		for (Path folder : folders()) {
			for (Path file : entries(folder)) {
				if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && takes(file) && settled(file, settledBefore)) {
					found.add(new InboxFile(folder.getFileName().toString(), file));
				}
			}
		}
		return found;
	}

	/** Files a process that died while taking them left set aside ({@link Taking}), hidden in their folders. */
	List<InboxFile> setAside() {
		List<InboxFile> found = new ArrayList<>();
		for (Path folder : folders()) {
			for (Path file : entries(folder)) {
				if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && file.getFileName().toString().endsWith(Taking.ASIDE)
						&& hidden(file)) {
					found.add(new InboxFile(folder.getFileName().toString(), file));
				}
			}
		}
		return found;
	}

	/** Every link in the inbox (department folders that are links, links in real folders), not followed. */
	public List<InboxLink> links() {
		List<InboxLink> links = new ArrayList<>();
		for (Path entry : entries(root)) {
			if (Files.isSymbolicLink(entry) && takes(entry)) {
				links.add(new InboxLink(entry.getFileName().toString(), entry, true));
			}
		}
		for (Path folder : folders()) {
			for (Path file : entries(folder)) {
				if (Files.isSymbolicLink(file) && takes(file)) {
					links.add(new InboxLink(folder.getFileName().toString(), file, false));
				}
			}
		}
		return links;
	}

	/** Links nobody has been told about yet: no receipt beside them. */
	public List<InboxLink> unansweredLinks() {
		return links().stream().filter(link -> !link.answered()).toList();
	}

	private List<Path> folders() {
		return entries(root).stream()
			.filter(f -> Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
			.filter(f -> !hidden(f))
			.toList();
	}

	/** Sorted; empty for a folder that is not there (any more). */
	private static List<Path> entries(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.sorted().toList();
		}
		catch (NoSuchFileException gone) {
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the inbox folder " + folder, ex);
		}
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
	private static boolean settled(Path file, Instant settledBefore) {
		try {
			return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(settledBefore);
		}
		catch (IOException gone) {
			return false;
		}
	}

	/**
	 * The name of a receipt for a file, without extension: {@code 报表.xlsx.回执(12)}. A sender's file
	 * name may hold line breaks, control or direction-changing characters, which become {@code _},
	 * and may be so long that the receipt's name would not fit in a folder: it is then shortened
	 * (ending in …), keeping the mark and the suffix.
	 */
	public static String receiptName(String fileName, String suffix) {
		String tail = RECEIPT_MARK + "(" + suffix + ")";
		String name = displayName(fileName);
		int room = MAX_NAME_BYTES - WRITING_ROOM - bytes(tail);
		if (bytes(name) > room) {
			StringBuilder cut = new StringBuilder();
			int used = bytes("…");
			for (int i = 0; i < name.length();) {
				int cp = name.codePointAt(i);
				int size = bytes(Character.toString(cp));
				if (used + size > room) {
					break;
				}
				cut.appendCodePoint(cp);
				used += size;
				i += Character.charCount(cp);
			}
			name = cut.append('…').toString();
		}
		return name + tail;
	}

	/** A file name as a receipt shows it: every character that is not plainly visible text becomes {@code _}. */
	public static String displayName(String fileName) {
		StringBuilder shown = new StringBuilder(fileName.length());
		fileName.codePoints().forEach(cp -> shown.appendCodePoint(invisible(cp) ? '_' : cp));
		return shown.toString();
	}

	/** A file name for the log: control and format characters escaped, so a name cannot forge log lines. */
	public static String printable(String fileName) {
		StringBuilder shown = new StringBuilder(fileName.length());
		fileName.codePoints().forEach(cp -> {
			if (cp == '\n') {
				shown.append("\\n");
			}
			else if (cp == '\r') {
				shown.append("\\r");
			}
			else if (invisible(cp)) {
				shown.append(String.format("\\u%04x", cp));
			}
			else {
				shown.appendCodePoint(cp);
			}
		});
		return shown.toString();
	}

	private static boolean invisible(int cp) {
		int type = Character.getType(cp);
		return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
