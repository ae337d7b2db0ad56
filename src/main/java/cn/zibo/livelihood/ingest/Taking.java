package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zibo.livelihood.ingest.Inbox.InboxFile;

/**
 * Removes a file from the inbox once it is archived and claimed, but only the very file that was
 * archived. Deleting by name would delete whatever the name holds by then: a newer version saved
 * over it in the meantime would be lost unanswered. So the name is first renamed aside (atomic,
 * whatever it holds), and what was renamed is compared with what was archived: the same file is
 * deleted; anything else is put back, under its own name if free, so the next scan takes it.
 */
final class Taking {

	static final String ASIDE = ".taking";

	private static final Logger log = LoggerFactory.getLogger(Taking.class);

	private Taking() {
	}

	static void remove(InboxFile file, FileState archived) {
		Path path = file.path();
		Path aside = path.resolveSibling(asideName(file.fileName()));
		try {
			Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException gone) {
			return;
		}
		catch (IOException ex) {
			log.warn("Archived and claimed, but could not remove {} from the inbox: {}", Inbox.printable(path.toString()),
					ex.getMessage());
			return;
		}
		if (FileState.of(aside).filter(archived::equals).isPresent()) {
			try {
				Files.delete(aside);
			}
			catch (IOException ex) {
				log.warn("Archived and claimed, but could not delete {}: {}", Inbox.printable(aside.toString()), ex.getMessage());
			}
			return;
		}
		log.info("{}/{} was replaced by a newer file after it was archived; the newer file stays in the inbox",
				Inbox.printable(file.folder()), Inbox.printable(file.fileName()));
		putBack(aside, path);
	}

	/** A file left aside by a process that died between renaming and deleting goes back under its name. */
	static void putBack(Path aside, Path original) {
		for (int n = 1; n < 1000; n++) {
			Path target = n == 1 ? original : numbered(original, n);
			try {
				Files.move(aside, target);
				return;
			}
			catch (FileAlreadyExistsException taken) {
				// try the next number
			}
			catch (IOException ex) {
				log.warn("Could not put {} back as {}: {}", Inbox.printable(aside.toString()),
						Inbox.printable(target.toString()), ex.getMessage());
				return;
			}
		}
	}

	/** The original name of a file set aside, or null when it was too long to keep. */
	static String originalName(String asideName) {
		if (!asideName.startsWith(".") || !asideName.endsWith(ASIDE) || asideName.startsWith(".~")) {
			return null;
		}
		return asideName.substring(1, asideName.length() - ASIDE.length());
	}

	private static String asideName(String fileName) {
		String name = "." + fileName + ASIDE;
		return name.getBytes(StandardCharsets.UTF_8).length <= Inbox.MAX_NAME_BYTES ? name
				: ".~" + UUID.randomUUID() + ASIDE;
	}

	private static Path numbered(Path original, int n) {
		String name = original.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String stem = dot > 0 ? name.substring(0, dot) : name;
		String ext = dot > 0 ? name.substring(dot) : "";
		return original.resolveSibling(stem + "(" + n + ")" + ext);
	}

}
