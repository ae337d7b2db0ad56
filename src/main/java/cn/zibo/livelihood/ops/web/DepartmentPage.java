package cn.zibo.livelihood.ops.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.ingest.UploadNames;
import cn.zibo.livelihood.ingest.Uploads;
import cn.zibo.livelihood.validate.Period;

/**
 * The department page (部门主页), in Chinese for the clerks: the period being collected at a glance
 * with what is still missing, the template, upload and pre-check (done by {@code department.js}
 * through {@link UploadApi}), the open findings naming the department and its latest submissions. A
 * department user sees its own department; an operator chooses one.
 */
@ServeOnly
@Controller
class DepartmentPage {

	static final int SUBMISSIONS_SHOWN = 15;

	/** A period to choose, as the clerk reads it. */
	record PeriodChoice(String code, String name) {
	}

	private final Departments departments;

	private final PeriodGlance glance;

	private final Findings findings;

	private final SubmissionViews submissions;

	private final Uploads uploads;

	DepartmentPage(Departments departments, PeriodGlance glance, Findings findings, SubmissionViews submissions,
			Uploads uploads) {
		this.departments = departments;
		this.glance = glance;
		this.findings = findings;
		this.submissions = submissions;
		this.uploads = uploads;
	}

	@GetMapping("/department")
	String page(@RequestParam(required = false) String department, @RequestParam(required = false) String period,
			Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		Optional<Department> shown = departments.shown(viewer, department);
		if (shown.isEmpty()) {
			model.addAttribute("choices", departments.withInbox());
			return "department-choose";
		}
		Department d = shown.get();
		Optional<Period> asked = period == null || period.isBlank() ? Optional.empty() : Period.parse(period.strip());
		if (period != null && !period.isBlank() && asked.isEmpty()) {
			model.addAttribute("problem", "“" + period + "”不是报告期，请写作 2024年第三季度、2024Q3 等形式。下面显示即将截止的报告期。");
		}
		Period p = asked.orElseGet(glance::dueNext);
		addDepartment(model, viewer, d);
		model.addAttribute("glance", glance.of(d.code(), p));
		model.addAttribute("periods", choices(p));
		model.addAttribute("findings", findings.open(d.code(), null));
		Paged<SubmissionViews.Submission> latest = submissions.page(0, SUBMISSIONS_SHOWN, d.code(), null);
		model.addAttribute("submissions", latest);
		model.addAttribute("findingCounts",
				findings.countBySubmission(d.code(), latest.items().stream().map(SubmissionViews.Submission::submissionId).toList()));
		model.addAttribute("maxFileSize", ClerkWords.INSTANCE.size(uploads.maxFileBytes()));
		model.addAttribute("accepted", String.join(",", UploadNames.EXTENSIONS));
		return "department";
	}

	/** The open findings naming the department, or those naming one of its submissions. */
	@GetMapping("/department/findings")
	String findings(@RequestParam(required = false) String department, @RequestParam(required = false) Long submission,
			Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		Department d = departments.shown(viewer, department)
			.orElseThrow(() -> Params.bad("Name the department: department=CODE. 请指定部门。"));
		if (submission != null) {
			SubmissionViews.Submission s = submissions.find(Params.id(submission), viewer)
				.filter(found -> d.code().equals(found.departmentCode()))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No submission " + submission));
			model.addAttribute("submission", s);
		}
		addDepartment(model, viewer, d);
		model.addAttribute("findings", findings.open(d.code(), submission));
		return "department-findings";
	}

	private static void addDepartment(Model model, Viewer viewer, Department d) {
		model.addAttribute("department", d);
		// what the page's forms and links add for an operator, who acts for the department shown
		model.addAttribute("acting", viewer.operator() ? d.code() : null);
	}

	private List<PeriodChoice> choices(Period chosen) {
		List<String> codes = new ArrayList<>(glance.calendar());
		if (!codes.contains(chosen.code())) {
			codes.add(0, chosen.code());
		}
		return codes.stream().map(code -> new PeriodChoice(code, ClerkWords.INSTANCE.period(code))).toList();
	}

}
