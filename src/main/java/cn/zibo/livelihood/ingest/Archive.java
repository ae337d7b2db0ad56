package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps the original bytes of every received file, addressed by their SHA-256, outside the inbox.
 * A file is copied, synced to disk and moved into place before anything else happens to it, so the
 * inbox copy may be removed afterwards without any chance of losing it.
 */
final class Archive {

	private final Path root;

	public Archive(Path root) {
		this.root = root;
	}

	/** Where an archived file is, and what it is. */
	public record ArchivedFile(String sha256, long size, Path path) {
	}

	/** Never through a symbolic link: one that replaced the file since it was listed fails to open. */
	public ArchivedFile store(Path file) {
		try {
			Files.createDirectories(root);
			Path temp = Files.createTempFile(root, "incoming-", ".part");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), digest);
					OutputStream out = Files.newOutputStream(temp)) {
				size = in.transferTo(out);
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			String sha = HexFormat.of().formatHex(digest.digest());
			Path target = pathOf(sha);
			Files.createDirectories(target.getParent());
			if (Files.exists(target)) {
				Files.delete(temp);
			}
			else {
				move(temp, target);
			}
			return new ArchivedFile(sha, size, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot archive " + file, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Path pathOf(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
