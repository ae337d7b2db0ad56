package cn.zibo.livelihood.ops.web;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A submission's original file as received: the bytes the archive keeps (by SHA-256, outside the
 * inbox, where departments cannot write), under the name the department gave the file. A department
 * user gets its own department's only; another's answers 404.
 */
@ServeOnly
@Component
class OriginalDownload {

	private static final Logger log = LoggerFactory.getLogger(OriginalDownload.class);

	private final SubmissionViews submissions;

	private final JdbcClient jdbc;

	OriginalDownload(SubmissionViews submissions, JdbcClient jdbc) {
		this.submissions = submissions;
		this.jdbc = jdbc;
	}

	ResponseEntity<Resource> original(long id, Viewer viewer) {
		SubmissionViews.Submission submission = submissions.find(Params.id(id), viewer)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No submission " + id));
		Path archived = Path.of(jdbc.sql("SELECT archive_path FROM warehouse.submission WHERE submission_id = ?")
			.param(id)
			.query(String.class)
			.single());
		try {
			SeekableByteChannel channel = Files.newByteChannel(archived, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
			return ResponseEntity.ok()
				.contentType(type(submission.fileName()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(submission.fileName(), StandardCharsets.UTF_8).build().toString())
				.contentLength(channel.size())
				.body(new InputStreamResource(Channels.newInputStream(channel)));
		}
		catch (NoSuchFileException ex) {
			log.warn("The original of submission {} is not in the archive at {}", id, archived);
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"The original of submission " + id + " is no longer in the archive. 原件已不在存档中，请联系运维人员。");
		}
		catch (IOException ex) {
			log.warn("The original of submission {} at {} could not be opened: {}", id, archived, ex.toString());
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The original of submission " + id + " cannot be read.");
		}
	}

	private static MediaType type(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx")) {
			return ReceiptDownload.XLSX;
		}
		if (lower.endsWith(".xls")) {
			return MediaType.parseMediaType("application/vnd.ms-excel");
		}
		return lower.endsWith(".csv") ? MediaType.parseMediaType("text/csv") : MediaType.APPLICATION_OCTET_STREAM;
	}

}
