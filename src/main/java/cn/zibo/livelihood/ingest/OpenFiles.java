package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The files other processes hold open, read once from {@code /proc} (Linux). A sender that pauses
 * longer than the settle time while it writes (a slow network share, a program writing in parts)
 * still holds its file open: such a file is not complete, whatever its modification time says. The
 * file server's own process (Samba's, say) holds the file for a remote writer, so this holds for
 * files written over the network too. Where there is no {@code /proc}, or a process's descriptors
 * may not be read, nothing is known and only the settle time counts.
 */
final class OpenFiles {

	private static final Path PROC = Path.of("/proc");

	private final Set<String> open;

	private OpenFiles(Set<String> open) {
		this.open = open;
	}

	static OpenFiles snapshot() {
		Set<String> open = new HashSet<>();
		if (!Files.isDirectory(PROC)) {
			return new OpenFiles(open);
		}
		String self = Long.toString(ProcessHandle.current().pid());
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> isPid(p) && !p.getFileName().toString().equals(self))) {
			for (Path process : processes) {
				collect(process.resolve("fd"), open);
			}
		}
		catch (IOException | RuntimeException unreadable) {
			// nothing known: the settle time alone decides
		}
		return new OpenFiles(open);
	}

	private static void collect(Path descriptors, Set<String> open) {
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(descriptors)) {
			for (Path fd : fds) {
				try {
					open.add(Files.readSymbolicLink(fd).toString());
				}
				catch (IOException | UnsupportedOperationException closed) {
					// closed since listed
				}
			}
		}
		catch (IOException | RuntimeException ended) {
			// the process ended, or its descriptors are not ours to read
		}
	}

	private static boolean isPid(Path path) {
		String name = path.getFileName().toString();
		return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
	}

	/** Whether another process holds the file open. */
	boolean holds(Path file) {
		if (open.isEmpty()) {
			return false;
		}
		try {
			return open.contains(file.toRealPath().toString());
		}
		catch (IOException gone) {
			return false;
		}
	}

}
