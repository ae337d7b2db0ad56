package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * Which file a path holds, and in what state: its identity (device and inode), size and time of
 * last change. Two equal states are the same file, unchanged; a file saved over (a new inode) or
 * still written to (size, time) is not equal.
 */
record FileState(Object key, long size, FileTime modified) {

	/** Empty when the path holds no regular file (gone, or a link); links are not followed. */
	static Optional<FileState> of(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			return Optional.of(new FileState(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime()));
		}
		catch (IOException gone) {
			return Optional.empty();
		}
	}

}
