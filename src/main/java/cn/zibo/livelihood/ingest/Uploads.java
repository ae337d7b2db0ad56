package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.system.PipelineProperties;

/**
 * Files a department uploads on the web page or through the API: each is put into the department's
 * folder of the inbox as a new file ({@link InboxWriter#newInFolder}, never replacing one there, never
 * through a link), and from then on is a dropped file like any other: the intake takes it, with the
 * same rules, receipt and archive. What the intake would refuse without reading is refused here,
 * before anything is written: a name without an accepted extension and a file over
 * {@code etl.ingest.max-file-size}.
 */
@Component
public class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	private final Path inbox;

	private final long maxFileBytes;

	private final CurrentCatalogue catalogue;

	private final InboxWriter writer;

	Uploads(PipelineProperties properties, CurrentCatalogue catalogue) {
		this.inbox = properties.inbox();
		this.maxFileBytes = properties.ingest().maxFileSize().toBytes();
		this.catalogue = catalogue;
		this.writer = new InboxWriter(properties.inbox(), properties.ingest().scratch());
	}

	/** A file put into a department folder: the name it has there, and its bytes' SHA-256. */
	public record Uploaded(String name, String sentName, String folder, Department department, long size,
			String sha256) {
	}

	/** Why a file is refused (before it is written, or where it cannot be written), in Chinese for the clerk. */
	public static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

	public long maxFileBytes() {
		return maxFileBytes;
	}

	/**
	 * The name the file will have, once the name and size are acceptable.
	 *
	 * @throws Refused for a name without an accepted extension, or a file over the size limit
	 */
	public String accept(String sentName, long size) {
		String shown = sentName == null ? "" : Inbox.displayName(sentName);
		String name = UploadNames.clean(sentName)
			.orElseThrow(() -> new Refused("“" + shown + "”不是可接受的文件类型。系统只接受 Excel 工作簿（.xlsx、.xls）和 CSV 文件（.csv）。"));
		if (size > maxFileBytes) {
			throw new Refused("“" + shown + "”大小为 " + megabytes(size) + "，超过单个文件的上限 " + megabytes(maxFileBytes)
					+ "。请删去无关的工作表，或按报告期拆分后分别报送。");
		}
		return name;
	}

	/** Puts the file into the department's folder. */
	public Uploaded put(Department department, String sentName, long size, InputStream content) {
		String name = accept(sentName, size);
		String folder = folderOf(department);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long[] written = { 0 };
			Path path = writer.newInFolder(folder, name, out -> {
				try (OutputStream hashed = new DigestOutputStream(out, digest)) {
					written[0] = content.transferTo(hashed);
				}
			});
			Uploaded uploaded = new Uploaded(path.getFileName().toString(), sentName, folder, department, written[0],
					HexFormat.of().formatHex(digest.digest()));
			log.info("Uploaded (上传) {}/{} for {} ({} bytes, sha256 {}); the intake takes it like a dropped file",
					Inbox.printable(folder), Inbox.printable(uploaded.name()), department.code(), uploaded.size(),
					uploaded.sha256().substring(0, 12));
			return uploaded;
		}
		catch (NotDirectoryException ex) {
			log.warn("Upload {} for {} not written: the department folder {} is not a real folder ({})", Inbox.printable(name),
					department.code(), Inbox.printable(folder), ex.getMessage());
			throw new Refused("本部门在收件箱中的文件夹“" + Inbox.displayName(folder) + "”是指向其他位置的链接（快捷方式），不是真正的文件夹，"
					+ "系统不向其中写入。请联系运维人员处理后重新上传。");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot put the upload " + Inbox.printable(name) + " into " + folder, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The department's folder: a real folder of the inbox that names it (its name first, then an alias
	 * or its code), so that the receipt lands where its clerks already look; its name when there is none.
	 */
	String folderOf(Department department) {
		Catalogue current = catalogue.get().catalogue();
		try (Stream<Path> entries = Files.isDirectory(inbox) ? Files.list(inbox) : Stream.empty()) {
			List<String> named = entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
				.map(p -> p.getFileName().toString())
				.filter(n -> !n.startsWith("."))
				.filter(n -> current.department(n).filter(d -> d.code().equals(department.code())).isPresent())
				.sorted(Comparator.comparing((String n) -> !n.equals(department.name())).thenComparing(Comparator.naturalOrder()))
				.toList();
			return named.isEmpty() ? department.name() : named.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the inbox " + inbox, ex);
		}
	}

	private static String megabytes(long bytes) {
		return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
	}

}
