package cn.zibo.livelihood.ops.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.validate.Period;

/**
 * One department's period at a glance: the period being collected (the calendar's next due, or one
 * chosen), when it is due, how many of the indicators due it has reported and which are still
 * missing, by task; and where the period before stands. Any period may be chosen, one to come as well:
 * what is due follows the catalogue ({@code reporting.department_indicator_due}), the due date the
 * reporting calendar ({@code reporting.due_date}).
 */
@ServeOnly
@Component
class PeriodGlance {

	private final JdbcClient jdbc;

	PeriodGlance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where a department stands for a period; status {@code nothing_due} when no indicator is due. */
	record Standing(String period, String periodName, LocalDate dueDate, long expected, long reported, String status,
			String statusName) {
	}

	record Indicator(String code, String name, String unit) {
	}

	/** A task's indicators still missing; {@code task} is the start of the task's text. */
	record TaskMissing(int taskNo, String task, List<Indicator> indicators) {
	}

	record Glance(Standing current, Standing previous, List<TaskMissing> missing) {
	}

	/** The calendar's period due next (the earliest whose due date is today or later). */
	Period dueNext() {
		String code = jdbc.sql("SELECT period FROM reporting.calendar_period WHERE due_date >= current_date ORDER BY due_date LIMIT 1")
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("The reporting calendar has no period due"));
		return Period.parse(code).orElseThrow();
	}

	/**
	 * The period the overview opens on: the latest ended one that holds the newest current figure's
	 * period end (2024Q4 for figures of 2024-11), so that an office whose departments report late does
	 * not open on a period nobody has reported yet; with no figures at all, the latest ended period.
	 */
	Optional<String> defaultPeriod() {
		return jdbc.sql("""
				SELECT p.period FROM reporting.reporting_period p
				WHERE p.period_start <= coalesce((SELECT max(f.period_end) FROM warehouse.fact f WHERE f.is_current), 'infinity')
				ORDER BY p.period_end DESC, p.period_start DESC LIMIT 1""")
			.query(String.class)
			.optional();
	}

	/** The calendar's periods up to the running one, newest first. */
	List<String> calendar() {
		return jdbc.sql("SELECT period FROM reporting.calendar_period ORDER BY period_end DESC").query(String.class).list();
	}

	Glance of(String department, Period period) {
		return new Glance(standing(department, period), standing(department, previous(period)), missing(department, period));
	}

	Standing standing(String department, Period period) {
		LocalDate due = jdbc.sql("SELECT reporting.due_date(?)").param(period.end()).query(LocalDate.class).single();
		Optional<Standing> standing = jdbc.sql("""
				SELECT expected, reported, status
				FROM reporting.department_period_completeness(:department, :start, :end, :due)""")
			.param("department", department)
			.param("start", period.start())
			.param("end", period.end())
			.param("due", due)
			.query((rs, n) -> standing(period, due, rs.getLong("expected"), rs.getLong("reported"), rs.getString("status")))
			.optional();
		return standing.orElseGet(() -> standing(period, due, 0, 0, "nothing_due"));
	}

	/** The codes of the indicators due and not yet reported, in code order. */
	List<String> missingCodes(String department, Period period) {
		return missing(department, period).stream().flatMap(t -> t.indicators().stream()).map(Indicator::code).toList();
	}

	List<TaskMissing> missing(String department, Period period) {
		Map<Integer, TaskMissing> tasks = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT d.task_no, t.task_text, d.indicator_code, d.indicator_name, d.unit
				FROM reporting.department_indicator_due(:department, :start, :end) d
				JOIN reporting.task t ON t.task_no = d.task_no
				WHERE NOT d.reported
				ORDER BY d.task_no, d.indicator_code""")
			.param("department", department)
			.param("start", period.start())
			.param("end", period.end())
			.query(rs -> {
				int task = rs.getInt("task_no");
				String text = rs.getString("task_text");
				tasks.computeIfAbsent(task, no -> new TaskMissing(no, shortened(text), new ArrayList<>()))
					.indicators()
					.add(new Indicator(rs.getString("indicator_code"), rs.getString("indicator_name"), rs.getString("unit")));
			});
		return List.copyOf(tasks.values());
	}

	private static Standing standing(Period period, LocalDate due, long expected, long reported, String status) {
		return new Standing(period.code(), ClerkWords.INSTANCE.period(period.code()), due, expected, reported, status,
				ClerkWords.INSTANCE.completeness(status));
	}

	/** The period of the same length just before: 2024Q1 → 2023Q4, 2024-01 → 2023-12, 2024H1 → 2023H2. */
	static Period previous(Period period) {
		LocalDate before = period.start().minusDays(1);
		String code = period.code();
		if (code.contains("Q")) {
			return Period.quarter(before.getYear(), (before.getMonthValue() - 1) / 3 + 1);
		}
		if (code.contains("H")) {
			return Period.half(before.getYear(), before.getMonthValue() <= 6 ? 1 : 2);
		}
		return code.contains("-") ? Period.month(before.getYear(), before.getMonthValue()) : Period.year(before.getYear());
	}

	private static String shortened(String text) {
		String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		return oneLine.codePointCount(0, oneLine.length()) <= 40 ? oneLine
				: oneLine.substring(0, oneLine.offsetByCodePoints(0, 40)) + "…";
	}

}
