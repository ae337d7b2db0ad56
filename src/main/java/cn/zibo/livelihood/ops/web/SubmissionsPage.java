package cn.zibo.livelihood.ops.web;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
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
 * sees its own department's only, in Chinese; another's answers 404.
 */
@ServeOnly
@Controller
class SubmissionsPage {

	private final SubmissionViews submissions;

	private final ReceiptDownload receipts;

	private final RunNotes runs;

	private final Findings findings;

	SubmissionsPage(SubmissionViews submissions, ReceiptDownload receipts, RunNotes runs, Findings findings) {
		this.submissions = submissions;
		this.receipts = receipts;
		this.runs = runs;
		this.findings = findings;
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
		if (viewer.operator()) {
			model.addAttribute("departments", submissions.departments());
			model.addAttribute("refresh", runs.somethingRuns());
		}
		return viewer.operator() ? "submissions" : "department-submissions";
	}

	@GetMapping("/submissions/{id}")
	String submission(@PathVariable long id, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		SubmissionViews.Submission submission = submissions.find(Params.id(id), viewer)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No submission " + id));
		model.addAttribute("submission", submission);
		model.addAttribute("errors", submissions.errors(id, 1000));
		// the technical cause is the operators' to read; the department's receipt says it in Chinese
		model.addAttribute("failure", viewer.operator() ? submissions.failure(id).orElse(null) : null);
		if (!viewer.operator()) {
			return "department-submission";
		}
		Long heldBy = runs.holding(id).orElse(null);
		model.addAttribute("heldBy", heldBy);
		model.addAttribute("claimedBy", runs.claimedBy(id).orElse(null));
		model.addAttribute("findings", findings.open(null, id));
		model.addAttribute("refresh", "received".equals(submission.status()) && heldBy == null);
		return "submission";
	}

	/** The receipt as the department got it: the workbook, or its plain-text twin. */
	@GetMapping("/submissions/{id}/receipt.{format}")
	ResponseEntity<Resource> receipt(@PathVariable long id, @PathVariable String format, Authentication authentication) {
		return receipts.receipt(id, format, Viewer.of(authentication));
	}

}
