package cn.zibo.livelihood.ops.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A submission's receipt (回执) as the department got it, for the page and the API: the workbook, or
 * its plain-text twin. A department user gets its own department's only; another's answers 404.
 */
@ServeOnly
@Component
class ReceiptDownload {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final SubmissionViews submissions;

	private final ReceiptFiles files;

	ReceiptDownload(SubmissionViews submissions, ReceiptFiles files) {
		this.submissions = submissions;
		this.files = files;
	}

	ResponseEntity<Resource> receipt(long id, String format, Viewer viewer) {
		submissions.find(Params.id(id), viewer)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No submission " + id));
		if (!format.equals("xlsx") && !format.equals("txt")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "A receipt is .xlsx or .txt");
		}
		SubmissionViews.StoredReceipt stored = submissions.receipt(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Submission " + id + " has no receipt yet"));
		String name = stored.workbook().getFileName().toString();
		Path file = format.equals("xlsx") ? stored.workbook()
				: stored.workbook().resolveSibling(name.substring(0, name.length() - ".xlsx".length()) + ".txt");
		ReceiptFiles.Opened receipt = files.open(id, file, stored.inboxFolder())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"The receipt file is not where it was written (the department may have moved it): " + file.getFileName()));
		boolean text = format.equals("txt");
		return ResponseEntity.ok()
			.contentType(text ? new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8) : XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(text ? ContentDisposition.inline() : ContentDisposition.attachment())
						.filename(receipt.name(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentLength(receipt.size())
			.body(new InputStreamResource(receipt.content()));
	}

}
