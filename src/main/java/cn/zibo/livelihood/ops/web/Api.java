package cn.zibo.livelihood.ops.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The JSON API behind the page, for other tools (HTTP Basic). Read-only: actions are on the page,
 * behind its CSRF-protected forms. Runs are for operators; submissions are filtered as on the page.
 * Refusals are answered as {@link ApiProblems} says.
 */
@ServeOnly
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class Api {

	private final Runs runs;

	private final SubmissionViews submissions;

	private final Progress progress;

	private final ReceiptDownload receipts;

	Api(Runs runs, SubmissionViews submissions, Progress progress, ReceiptDownload receipts) {
		this.runs = runs;
		this.submissions = submissions;
		this.progress = progress;
		this.receipts = receipts;
	}

	@GetMapping("/runs")
	Paged<Runs.Run> runs(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String status, @RequestParam(required = false) String job) {
		return runs.page(Paged.page(page), Paged.size(size), status, job);
	}

	@GetMapping("/runs/{id}")
	Runs.Detail run(@PathVariable long id) {
		return runs.detail(Params.id(id)).orElseThrow(() -> notFound("No job execution " + id));
	}

	@GetMapping("/submissions")
	Paged<SubmissionViews.Submission> submissions(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String status,
			@RequestParam(required = false) String department, Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		return submissions.page(Paged.page(page), Paged.size(size), viewer.departmentFilter(department), status);
	}

	@GetMapping("/submissions/{id}")
	SubmissionViews.Submission submission(@PathVariable long id, Authentication authentication) {
		return submissions.find(Params.id(id), Viewer.of(authentication)).orElseThrow(() -> notFound("No submission " + id));
	}

	/** The receipt as the department got it: the workbook, or its plain-text twin. */
	@GetMapping(path = "/submissions/{id}/receipt.{format}", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> receipt(@PathVariable long id, @PathVariable String format, Authentication authentication) {
		return receipts.receipt(id, format, Viewer.of(authentication));
	}

	@GetMapping("/submissions/{id}/errors")
	List<SubmissionViews.Error> errors(@PathVariable long id, @RequestParam(required = false) Integer limit,
			Authentication authentication) {
		int rows = Params.limit(limit, SubmissionViews.MAX_ERRORS);
		submission(id, authentication);
		return submissions.errors(id, rows);
	}

	@GetMapping("/progress")
	Progress.Overview progress(Authentication authentication) {
		return progress.overview(Viewer.of(authentication).departmentFilter(null));
	}

	/**
	 * Rows of {@code reporting.indicator_progress} at 全市, or at the district asked for (code, name
	 * or short name), optionally of one task, one campaign or one status; a department user gets the
	 * tasks its department leads.
	 */
	@GetMapping("/progress/indicators")
	List<Map<String, Object>> indicatorProgress(@RequestParam(required = false) Integer task,
			@RequestParam(required = false) Integer campaign, @RequestParam(required = false) String district,
			@RequestParam(required = false) String status, Authentication authentication) {
		return progress.indicators(task, campaign, district, status, Viewer.of(authentication).departmentFilter(null));
	}

	/** Rows of {@code reporting.department_completeness}, of one period or all; a department user gets its own. */
	@GetMapping("/completeness")
	List<Map<String, Object>> completeness(@RequestParam(required = false) String period, Authentication authentication) {
		return progress.completeness(period, Viewer.of(authentication).departmentFilter(null));
	}

	private static ResponseStatusException notFound(String message) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
	}

}
