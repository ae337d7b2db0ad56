package cn.zibo.livelihood.report.export;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reporting views that can be exported, each with where its rows come from, the order they are
 * written in, and which rows a department user gets.
 */
public enum ExportView {

	INDICATOR_VALUE("reporting.indicator_value", Scope.LED_TASKS, "period_end, period, indicator_code, district_code"),

	/** Progress as at the end of the period asked for (all periods when none), as the workbook reads it. */
	INDICATOR_PROGRESS("reporting.indicator_progress_at(CAST(:period_end AS date))", Scope.LED_TASKS,
			"task_no, indicator_code, district_code"),

	TASK_STATUS("reporting.task_status", Scope.LED_TASKS, "period, task_no, department_code, district_code"),

	DISCREPANCY("reporting.discrepancy", Scope.LED_TASKS,
			"status DESC, period_end, indicator_code, district_code, discrepancy_id"),

	DEPARTMENT_COMPLETENESS("reporting.department_completeness", Scope.OWN_DEPARTMENT, "period_end, department_code");

	/**
	 * Which rows a department user sees: those of the tasks its department leads (as the progress
	 * overview shows them), or its own department's.
	 */
	enum Scope {
		LED_TASKS, OWN_DEPARTMENT
	}

	private final String source;

	private final Scope scope;

	private final String order;

	ExportView(String source, Scope scope, String order) {
		this.source = source;
		this.scope = scope;
		this.order = order;
	}

	/** The view's name in schema reporting, as in the URL: {@code indicator_value}. */
	public String viewName() {
		return name().toLowerCase();
	}

	public static Optional<ExportView> of(String viewName) {
		return Arrays.stream(values()).filter(v -> v.viewName().equals(viewName)).findFirst();
	}

	String source() {
		return source;
	}

	Scope scope() {
		return scope;
	}

	String order() {
		return order;
	}

	/** Its period filter picks the progress as at that period's end, not rows of a period column. */
	boolean periodAsOf() {
		return this == INDICATOR_PROGRESS;
	}

}
