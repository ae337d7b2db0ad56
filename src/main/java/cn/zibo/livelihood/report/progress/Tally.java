package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zibo.livelihood.report.progress.ProgressReport.IndicatorRow;
import cn.zibo.livelihood.report.progress.ProgressReport.Task;

/**
 * The overview's counts for a group of tasks (a campaign, a section, all of them), made from the
 * report's rows as reporting.campaign_progress makes them from the views: indicators by status at
 * 全市, and the average completion with each rate capped at 100% so that one target far exceeded
 * does not hide another far behind; indicators without data do not count in it.
 *
 * @param byStatus indicators per status, in the order of {@link ReportWords#PROGRESS}
 * @param averageCompletion null when no indicator of the group has a rate
 */
record Tally(int tasks, int tasksReporting, int indicators, List<Long> byStatus, BigDecimal averageCompletion,
		long openDiscrepancies) {

	static Tally of(List<Task> group, ProgressReport report) {
		Set<Integer> taskNos = group.stream().map(Task::no).collect(Collectors.toSet());
		List<IndicatorRow> indicators = report.indicators().stream().filter(i -> taskNos.contains(i.taskNo())).toList();
		int reporting = (int) report.statuses().stream().map(s -> s.taskNo()).filter(taskNos::contains).distinct().count();
		List<Long> byStatus = ReportWords.PROGRESS.stream()
			.map(status -> indicators.stream().filter(i -> status.equals(i.status())).count())
			.toList();
		List<BigDecimal> rates = indicators.stream()
			.map(IndicatorRow::completionRate)
			.filter(r -> r != null)
			.map(r -> r.min(BigDecimal.ONE))
			.toList();
		BigDecimal average = rates.isEmpty() ? null
				: rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(rates.size()), 4,
						RoundingMode.HALF_UP);
		long open = report.discrepancies()
			.stream()
			.filter(d -> "open".equals(d.status()) && d.taskNo() != null && taskNos.contains(d.taskNo()))
			.count();
		return new Tally(group.size(), reporting, indicators.size(), byStatus, average, open);
	}

}
