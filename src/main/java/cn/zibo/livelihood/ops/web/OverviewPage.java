package cn.zibo.livelihood.ops.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.zibo.livelihood.ops.web.Progress.Count;
import cn.zibo.livelihood.ops.web.Progress.DepartmentActivity;

/**
 * The start page: submissions and figures per department, progress against targets by campaign with
 * the indicators furthest behind (or one campaign's indicators), department completeness for a
 * reporting period (the latest ended one unless chosen) and, for operators, failed runs awaiting a
 * restart and the open discrepancies. Charts are SVG drawn by the template, no script.
 */
@ServeOnly
@Controller
class OverviewPage {

	/** Completeness statuses in the order the chart stacks them. */
	static final List<String> COMPLETENESS_STATUSES = List.of("on_time", "late", "pending", "incomplete", "missing");

	/** What the city office calls each progress status (reporting.indicator_progress). */
	static final Map<String, String> PROGRESS_NAMES = Map.of("achieved", "已完成目标", "on_track", "符合序时进度", "behind",
			"滞后于序时进度", "no_data", "无数据");

	/** ... and each completeness status (reporting.department_completeness). */
	static final Map<String, String> COMPLETENESS_NAMES = Map.of("on_time", "按时报齐", "late", "逾期报齐", "pending", "待报",
			"incomplete", "未报齐", "missing", "未报送");

	private final Progress progress;

	private final Runs runs;

	OverviewPage(Progress progress, Runs runs) {
		this.progress = progress;
		this.runs = runs;
	}

	/** Sums for the cards, largest values for the bars' scale. */
	record Totals(long submissions, long rejected, long waiting, long maxSubmissions, long maxFigures, long maxPeriod,
			long maxCampaign) {

		static Totals of(Progress.Overview overview) {
			List<DepartmentActivity> departments = overview.departments();
			return new Totals(sum(departments, DepartmentActivity::submissions), sum(departments, DepartmentActivity::rejected),
					sum(departments, DepartmentActivity::waiting), max(departments, DepartmentActivity::submissions),
					max(departments, DepartmentActivity::figuresCurrent), max(overview.figuresByPeriod(), Count::count),
					max(overview.campaigns(), Progress.CampaignProgress::indicators));
		}

		private static <T> long sum(List<T> rows, ToLongFunction<T> value) {
			return rows.stream().mapToLong(value).sum();
		}

		private static <T> long max(List<T> rows, ToLongFunction<T> value) {
			return rows.stream().mapToLong(value).max().orElse(0);
		}

	}

	/** One part of a stacked bar: its count and the counts before it, which place it. */
	record Segment(String key, long count, long before, long total) {

		static List<Segment> stack(List<Count> counts) {
			long total = counts.stream().mapToLong(Count::count).sum();
			List<Segment> segments = new ArrayList<>();
			long before = 0;
			for (Count count : counts) {
				segments.add(new Segment(count.key(), count.count(), before, total));
				before += count.count();
			}
			return segments;
		}

	}

	@GetMapping("/")
	String overview(@RequestParam(required = false) String period, @RequestParam(required = false) Integer campaign,
			Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		String department = viewer.departmentFilter(null);
		Progress.Overview overview = progress.overview(department);
		model.addAttribute("overview", overview);
		model.addAttribute("totals", Totals.of(overview));
		model.addAttribute("progressNames", PROGRESS_NAMES);
		model.addAttribute("completenessNames", COMPLETENESS_NAMES);
		model.addAttribute("campaign", campaign);
		model.addAttribute("indicators", campaign == null ? progress.furthestBehind(10, department)
				: progress.indicators(null, campaign, null, null, department));

		List<String> periods = progress.periods();
		String shown = period == null || period.isBlank() ? (periods.isEmpty() ? null : periods.get(0)) : period.strip();
		List<Map<String, Object>> completeness = shown == null ? List.of() : progress.completeness(shown, department);
		model.addAttribute("periods", periods);
		model.addAttribute("period", shown);
		model.addAttribute("completeness", completeness);
		model.addAttribute("completenessByStatus", Segment.stack(COMPLETENESS_STATUSES.stream()
			.map(s -> new Count(s, completeness.stream().filter(row -> s.equals(row.get("status"))).count()))
			.toList()));
		if (viewer.operator()) {
			model.addAttribute("discrepancies", progress.discrepancies(20));
			model.addAttribute("failedRuns", runs.awaitingRestart(10));
		}
		return "overview";
	}

}
