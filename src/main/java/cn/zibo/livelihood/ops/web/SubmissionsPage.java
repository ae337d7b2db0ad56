package cn.zibo.livelihood.ops.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Submissions (报送), one submission with its errors, and its receipt (回执) files. A department user
 * sees its own department's only; another's answers 404.
 */
@ServeOnly
@Controller
class SubmissionsPage {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final SubmissionViews submissions;

	SubmissionsPage(SubmissionViews submissions) {
		this.submissions = submissions;
	}

	@GetMapping("/submissions")
	String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String status, @RequestParam(required = false) String department,
			Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		model.addAttribute("submissions",
				submissions.page(Paged.page(page), Paged.size(size), viewer.departmentFilter(department), status));
		model.addAttribute("status", status);
		model.addAttribute("department", viewer.departmentFilter(department));
		model.addAttribute("statuses", submissions.statuses());
		return "submissions";
	}

	@GetMapping("/submissions/{id}")
	String submission(@PathVariable long id, Authentication authentication, Model model) {
		SubmissionViews.Submission submission = visible(id, Viewer.of(authentication));
		model.addAttribute("submission", submission);
		model.addAttribute("errors", submissions.errors(id, 1000));
		return "submission";
	}

	/** The receipt as the department got it: the workbook, or its plain-text twin. */
	@GetMapping({ "/submissions/{id}/receipt.{format}", "/api/submissions/{id}/receipt.{format}" })
	ResponseEntity<Resource> receipt(@PathVariable long id, @PathVariable String format, Authentication authentication)
			throws IOException {
		visible(id, Viewer.of(authentication));
		if (!format.equals("xlsx") && !format.equals("txt")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "A receipt is .xlsx or .txt");
		}
		Path workbook = submissions.receiptPath(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Submission " + id + " has no receipt yet"));
		String name = workbook.getFileName().toString();
		Path file = format.equals("xlsx") ? workbook
				: workbook.resolveSibling(name.substring(0, name.length() - ".xlsx".length()) + ".txt");
		if (!Files.isRegularFile(file)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"The receipt file is no longer where it was written (the department may have moved it): " + file.getFileName());
		}
		boolean text = format.equals("txt");
		return ResponseEntity.ok()
			.contentType(text ? new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8) : XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(text ? ContentDisposition.inline() : ContentDisposition.attachment())
						.filename(file.getFileName().toString(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentLength(Files.size(file))
			.body(new FileSystemResource(file));
	}

	private SubmissionViews.Submission visible(long id, Viewer viewer) {
		return submissions.find(id, viewer)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No submission " + id));
	}

}
