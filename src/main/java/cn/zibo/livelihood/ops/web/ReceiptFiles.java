package cn.zibo.livelihood.ops.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import cn.zibo.livelihood.system.PipelineProperties;

/**
 * Opens a receipt for download only where the pipeline writes receipts: a regular file, not a
 * symbolic link, whose real path lies in its submission's department folder of the inbox. A
 * department can write its own folder, so it could put a link (or a hard link) at a receipt's name
 * pointing at any file the server can read; such a file is not served.
 */
@ServeOnly
@Component
class ReceiptFiles {

	private static final Logger log = LoggerFactory.getLogger(ReceiptFiles.class);

	private final Path inbox;

	ReceiptFiles(PipelineProperties properties) {
		this.inbox = properties.inbox();
	}

	/** An open receipt; whoever sends its content closes it. */
	record Opened(String name, long size, InputStream content) {
	}

	/**
	 * @param stored where the receipt was recorded as written: absolute, or relative to the working
	 * directory
	 * @param inboxFolder the submission's department folder, a name inside the inbox
	 */
	Optional<Opened> open(long submissionId, Path stored, String inboxFolder) {
		Path file = stored.toAbsolutePath().normalize();
		try {
			Path root = inbox.toAbsolutePath().toRealPath();
			Path folder = root.resolve(inboxFolder).normalize();
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return refused(submissionId, file, "it is not a regular file (a symbolic link or a folder)");
			}
			if (hardLinked(file)) {
				return refused(submissionId, file, "it has other names (a hard link)");
			}
			Path real = file.toRealPath();
			if (!folder.startsWith(root) || !real.startsWith(folder) || real.equals(folder)) {
				return refused(submissionId, file, "its real path " + real + " is not in the department's folder " + folder);
			}
			SeekableByteChannel channel = Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
			return Optional.of(new Opened(real.getFileName().toString(), channel.size(), Channels.newInputStream(channel)));
		}
		catch (NoSuchFileException ex) {
			log.info("Receipt of submission {} is no longer at {} (the department may have moved it)", submissionId, file);
			return Optional.empty();
		}
		catch (IOException ex) {
			// a link swapped in after the checks fails here: NOFOLLOW_LINKS opens with O_NOFOLLOW
			return refused(submissionId, file, "it could not be opened without following links: " + ex);
		}
	}

	private static boolean hardLinked(Path file) throws IOException {
		try {
			return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1;
		}
		catch (UnsupportedOperationException | IllegalArgumentException ex) {
			return false; // a file system without link counts
		}
	}

	private static Optional<Opened> refused(long submissionId, Path file, String why) {
		log.warn("Receipt of submission {} not served: {} is where it was written, but {}", submissionId, file, why);
		return Optional.empty();
	}

}
