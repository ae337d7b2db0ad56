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
 * reporting period (the latest one with figures unless chosen) and, for operators, failed runs
 * awaiting a restart and the open discrepancies. Charts are SVG drawn by the template, no script.
 */
@ServeOnly
@Controller
class OverviewPage {

	/** Completeness statuses in the order the chart stacks them. */
	static final List<String> COMPLETENESS_STATUSES = List.of("on_time", "late", "pending", "incomplete", "missing");

	private final Progress progress;

	private final Runs runs;

	private final RunNotes notes;

	private final PeriodGlance calendar;

	OverviewPage(Progress progress, Runs runs, RunNotes notes, PeriodGlance calendar) {
		this.progress = progress;
		this.runs = runs;
		this.notes = notes;
		this.calendar = calendar;
	}

	/**
	 * Sums for the cards, largest values for the bars' scale. {@code figures} sums the departments'
	 * current figures as the department rows show them, each co-lead's own; the consolidated values
	 * (one per indicator, district and period) are fewer, and the card says so beside it.
	 */
	record Totals(long figures, long submissions, long rejected, long waiting, long maxSubmissions, long maxFigures,
			long maxPeriod, long maxCampaign) {

		static Totals of(Progress.Overview overview) {
			List<DepartmentActivity> departments = overview.departments();
			return new Totals(sum(departments, DepartmentActivity::figuresCurrent), sum(departments, DepartmentActivity::submissions),
					sum(departments, DepartmentActivity::rejected), sum(departments, DepartmentActivity::waiting),
					max(departments, DepartmentActivity::submissions),
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
		model.addAttribute("campaign", campaign);
		model.addAttribute("indicators", campaign == null ? progress.furthestBehind(10, department)
				: progress.indicators(null, campaign, null, null, department));

		List<String> periods = progress.periods();
		String shown = period == null || period.isBlank() ? calendar.defaultPeriod().orElse(null) : period.strip();
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
			model.addAttribute("refresh", notes.somethingRuns());
		}
		return "overview";
	}

}
