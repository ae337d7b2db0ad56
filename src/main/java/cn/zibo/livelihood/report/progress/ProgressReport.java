package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.validate.Period;

/**
 * What the consolidated progress workbook (进展情况汇总表) shows for one period, as read from the
 * reporting views by {@link ProgressReportReader}: every figure is a view's, the workbook only lays
 * them out. Times are local times of this machine.
 *
 * @param indicators the 全市 row of every quantitative indicator as at the period's end, no_data included
 * @param statuses the latest task status (T…-00) each lead reported by the period's end
 * @param discrepancies findings about figures of the period (its months and quarters too), open and closed
 * @param completeness department completeness for the reporting periods that end within the period
 * @param submissions files that carried figures of the period
 */
public record ProgressReport(Period period, LocalDateTime generatedAt, List<Task> tasks, List<IndicatorRow> indicators,
		List<StatusRow> statuses, List<DiscrepancyRow> discrepancies, List<CompletenessRow> completeness,
		List<SubmissionRow> submissions) {

	/** A task of reporting.task. */
	public record Task(int no, int campaignNo, String campaignName, int sectionNo, String sectionName, String text,
			List<String> leads) {
	}

	/**
	 * A row of reporting.indicator_progress_at(period end) for 全市. {@code period}, {@code value}, the
	 * rates and {@code department} are null without data; {@code remark} is the department's own text.
	 */
	public record IndicatorRow(String code, int taskNo, String name, String unit, String comparator, BigDecimal target,
			String basis, LocalDate deadline, String period, BigDecimal value, BigDecimal completionRate,
			BigDecimal expectedRate, String status, boolean derived, String department, String remark) {
	}

	/** A row of reporting.task_status; {@code district} is null for 全市. */
	public record StatusRow(int taskNo, String department, String district, String period, String status,
			String narrative) {
	}

	/** A row of reporting.discrepancy. */
	public record DiscrepancyRow(long id, String kind, String indicatorCode, String indicatorName, Integer taskNo,
			String district, String period, List<String> departments, String details, String status,
			LocalDateTime detectedAt, LocalDateTime closedAt) {
	}

	/** A row of reporting.department_completeness. */
	public record CompletenessRow(String department, String period, LocalDate dueDate, long expected, long reported,
			long missing, LocalDateTime lastSubmissionAt, String status) {
	}

	/** A row of reporting.submission. */
	public record SubmissionRow(long id, String department, String fileName, LocalDateTime receivedAt, String status,
			long figures, long loaded, long rejected, List<String> periods) {
	}

	/** The overview's and the sheets' Chinese title: 淄博市…进展情况(2024年第三季度). */
	public String title() {
		return "淄博市建设高品质民生促进共同富裕113项重点任务进展情况（" + ChineseForms.period(period) + "）";
	}

}
