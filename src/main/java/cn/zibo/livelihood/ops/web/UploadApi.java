package cn.zibo.livelihood.ops.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.ingest.Uploads;
import cn.zibo.livelihood.report.receipt.UploadPrechecks;

/**
 * Files sent on the department page or by a department's own system (HTTP Basic, or the page's
 * session with its CSRF token): uploads into the department's folder, what became of each, and the
 * pre-check (预检) that keeps nothing. A department user sends for its own department only.
 */
@ServeOnly
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class UploadApi {

	private final Departments departments;

	private final Uploads uploads;

	private final UploadStatuses statuses;

	private final UploadPrechecks prechecks;

	UploadApi(Departments departments, Uploads uploads, UploadStatuses statuses, UploadPrechecks prechecks) {
		this.departments = departments;
		this.uploads = uploads;
		this.statuses = statuses;
		this.prechecks = prechecks;
	}

	/**
	 * Puts every file into the department's folder, each then taken by the intake like a dropped file.
	 * Every file is checked before any is written: one refused refuses the request.
	 */
	@PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<List<UploadStatuses.Sent>> upload(@RequestParam("file") List<MultipartFile> files,
			@RequestParam(required = false) String department, Authentication authentication) {
		Department into = departments.actingFor(Viewer.of(authentication), department);
		if (files.size() > UploadLimits.MAX_FILES) {
			throw Params.bad("At most " + UploadLimits.MAX_FILES + " files at once. 一次最多上传 " + UploadLimits.MAX_FILES + " 个文件。");
		}
		files.forEach(file -> uploads.accept(file.getOriginalFilename(), file.getSize()));
		long after = statuses.lastSubmissionId();
		List<UploadStatuses.Sent> sent = new ArrayList<>();
		for (MultipartFile file : files) {
			try (InputStream content = file.getInputStream()) {
				sent.add(statuses.sent(uploads.put(into, file.getOriginalFilename(), file.getSize(), content), after));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the upload " + file.getOriginalFilename(), ex);
			}
		}
		return ResponseEntity.accepted().body(sent);
	}

	/** What became of an upload ({@code statusUrl} of its answer). */
	@GetMapping("/uploads/status")
	UploadStatuses.Status status(@RequestParam String name, @RequestParam String sha256, @RequestParam long after,
			Authentication authentication) {
		return statuses.status(name, sha256, after, Viewer.of(authentication));
	}

	/**
	 * The problems ingest would find, without submitting.
	 *
	 * @param valid how many figures are valid in themselves; {@code wouldLoad} whether ingest would load the file
	 */
	record Precheck(String fileName, String department, int figures, int valid, boolean wouldLoad, String verdict,
			List<SubmissionViews.Error> problems, int problemsNotListed) {
	}

	@PostMapping(path = "/precheck", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Precheck precheck(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String department,
			Authentication authentication) {
		Department of = departments.actingFor(Viewer.of(authentication), department);
		String name = uploads.accept(file.getOriginalFilename(), file.getSize());
		try (InputStream content = file.getInputStream()) {
			UploadPrechecks.Outcome outcome = prechecks.check(name, content, of);
			return new Precheck(name, of.code(), outcome.figures(), outcome.valid(), outcome.wouldLoad(),
					outcome.wouldLoad() ? "预检通过：可以正式报送" : "预检未通过：请按问题清单改正",
					outcome.problems().stream()
						.map(p -> new SubmissionViews.Error(p.sheet(), p.rowNo(), p.column(), p.value(), p.code(), p.message()))
						.toList(),
					outcome.problemsNotListed());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the file sent for a pre-check", ex);
		}
	}

}
