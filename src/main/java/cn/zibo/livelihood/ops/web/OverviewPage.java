package cn.zibo.livelihood.ops.web;

import java.util.List;
import java.util.function.ToLongFunction;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.zibo.livelihood.ops.web.Progress.DepartmentActivity;

/**
 * The start page: progress per department with bar charts, department completeness and, for
 * operators, failed runs awaiting a restart and open discrepancies.
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

	/** Sums for the cards, largest values for the bars' scale. */
	record Totals(long submissions, long rejected, long waiting, long maxSubmissions, long maxFigures, long maxPeriod) {

		static Totals of(Progress.Overview overview) {
			List<DepartmentActivity> departments = overview.departments();
			return new Totals(sum(departments, DepartmentActivity::submissions), sum(departments, DepartmentActivity::rejected),
					sum(departments, DepartmentActivity::waiting), max(departments, DepartmentActivity::submissions),
					max(departments, DepartmentActivity::figuresCurrent), max(overview.figuresByPeriod(), Progress.Count::count));
		}

		private static <T> long sum(List<T> rows, ToLongFunction<T> value) {
			return rows.stream().mapToLong(value).sum();
		}

		private static <T> long max(List<T> rows, ToLongFunction<T> value) {
			return rows.stream().mapToLong(value).max().orElse(0);
		}

	}

	@GetMapping("/")
	String overview(@RequestParam(required = false) String period, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		Progress.Overview overview = progress.overview(viewer.departmentFilter(null));
		model.addAttribute("overview", overview);
		model.addAttribute("totals", Totals.of(overview));
		model.addAttribute("period", period);
		model.addAttribute("completeness", progress.completeness(period, viewer.departmentFilter(null)).orElse(null));
		if (viewer.operator()) {
			model.addAttribute("discrepancies", progress.discrepancies(20).orElse(null));
			model.addAttribute("failedRuns", runs.awaitingRestart(10));
		}
		return "overview";
	}

}
