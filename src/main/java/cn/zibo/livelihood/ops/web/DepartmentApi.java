package cn.zibo.livelihood.ops.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.report.template.Templates;
import cn.zibo.livelihood.validate.Period;

/**
 * What a department fetches: its fill-in template (填报模板) for a period, the open findings that name
 * it, and a submission's original file. Scoped as everywhere: a department user gets its own
 * department's, and another department's finding or submission answers 404.
 */
@ServeOnly
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class DepartmentApi {

	private final Departments departments;

	private final Templates templates;

	private final Findings findings;

	private final SubmissionViews submissions;

	private final OriginalDownload originals;

	DepartmentApi(Departments departments, Templates templates, Findings findings, SubmissionViews submissions,
			OriginalDownload originals) {
		this.departments = departments;
		this.templates = templates;
		this.findings = findings;
		this.submissions = submissions;
		this.originals = originals;
	}

	@GetMapping(path = "/template", produces = MediaType.ALL_VALUE)
	ResponseEntity<byte[]> template(@RequestParam String period, @RequestParam(required = false) String department,
			Authentication authentication) {
		Period asked = Period.parse(period)
			.orElseThrow(() -> Params.bad("'" + period + "' is not a period; write e.g. 2024Q3 or 2024年第三季度. “" + period + "”不是报告期。"));
		Department of = departments.actingFor(Viewer.of(authentication), department);
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		try {
			templates.write(of, asked, workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the template of " + of.code() + " for " + asked.code(), ex);
		}
		String name = of.name() + "_" + ChineseForms.period(asked) + "_填报模板.xlsx";
		return ResponseEntity.ok()
			.contentType(ReceiptDownload.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(workbook.toByteArray());
	}

	/** Open findings: a department user's own department's; an operator's all, or one department's. */
	@GetMapping("/discrepancies")
	List<Findings.Finding> discrepancies(@RequestParam(required = false) String department,
			@RequestParam(required = false) Long submission, Authentication authentication) {
		Viewer viewer = Viewer.of(authentication);
		if (submission != null) {
			submissions.find(Params.id(submission), viewer)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No submission " + submission));
		}
		return findings.open(viewer.departmentFilter(department), submission);
	}

	@GetMapping("/discrepancies/{id}")
	Findings.Finding discrepancy(@PathVariable long id, Authentication authentication) {
		return findings.find(Params.id(id), Viewer.of(authentication))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No open finding " + id));
	}

	/** The file as the department sent it, from the archive. */
	@GetMapping(path = "/submissions/{id}/original", produces = MediaType.ALL_VALUE)
	ResponseEntity<Resource> original(@PathVariable long id, Authentication authentication) {
		return originals.original(id, Viewer.of(authentication));
	}

}
