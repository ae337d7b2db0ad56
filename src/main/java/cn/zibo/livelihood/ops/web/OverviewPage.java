package cn.zibo.livelihood.ops.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page: progress per department with bar charts, department completeness and, for
 * operators, open discrepancies and the latest runs.
 */
@ServeOnly
@Controller
class OverviewPage {

	private final Progress progress;

	private final Runs runs;

	OverviewPage(Progress progress, Runs runs) {
		this.progress = progress;
		this.runs = runs;
	}

	@GetMapping("/")
	String overview(@RequestParam(required = false) String period, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		Progress.Overview overview = progress.overview(viewer.departmentFilter(null));
		model.addAttribute("overview", overview);
		model.addAttribute("maxFigures", overview.departments().stream().mapToLong(Progress.DepartmentActivity::figuresCurrent).max().orElse(0));
		model.addAttribute("maxSubmissions", overview.departments().stream().mapToLong(Progress.DepartmentActivity::submissions).max().orElse(0));
		model.addAttribute("maxPeriod", overview.figuresByPeriod().stream().mapToLong(Progress.Count::count).max().orElse(0));
		model.addAttribute("totals", new Totals(overview.departments().stream().mapToLong(Progress.DepartmentActivity::submissions).sum(),
				overview.departments().stream().mapToLong(Progress.DepartmentActivity::rejected).sum(),
				overview.departments().stream().mapToLong(Progress.DepartmentActivity::waiting).sum()));
		model.addAttribute("period", period);
		model.addAttribute("completeness", progress.completeness(period, viewer.departmentFilter(null)).orElse(null));
		if (viewer.operator()) {
			model.addAttribute("discrepancies", progress.discrepancies(20).orElse(null));
			model.addAttribute("failedRuns", runs.awaitingRestart(10));
		}
		return "overview";
	}

	record Totals(long submissions, long rejected, long waiting) {
	}

}
