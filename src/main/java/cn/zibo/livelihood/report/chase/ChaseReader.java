package cn.zibo.livelihood.report.chase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.report.chase.ChaseList.IndicatorOwed;
import cn.zibo.livelihood.report.chase.ChaseList.Owing;
import cn.zibo.livelihood.report.chase.ChaseList.TaskOwed;
import cn.zibo.livelihood.validate.Period;

/**
 * Reads a period's debts in two statements for all departments at once: each department's standing
 * ({@code reporting.department_period_completeness}) and the indicators it has not reported
 * ({@code reporting.department_indicator_due}), any period, one to come as well.
 */
final class ChaseReader {

	/** The worst first: nothing sent, some missing, not yet due. */
	private static final List<String> ORDER = List.of("missing", "incomplete", "pending");

	private final JdbcClient jdbc;

	ChaseReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ChaseList read(Period period) {
		LocalDate due = jdbc.sql("SELECT reporting.due_date(?)").param(period.end()).query(LocalDate.class).single();
		LocalDate today = jdbc.sql("SELECT current_date").query(LocalDate.class).single();
		Map<String, List<TaskOwed>> owed = owed(period);
		List<Owing> owing = new ArrayList<>();
		long[] complete = { 0 };
		jdbc.sql("""
				SELECT d.code, d.name, c.expected, c.reported, c.status
				FROM reporting.department d
				CROSS JOIN LATERAL reporting.department_period_completeness(d.code, :start, :end, :due) c
				WHERE NOT d.is_group
				ORDER BY c.missing DESC, d.name""")
			.param("start", period.start())
			.param("end", period.end())
			.param("due", due)
			.query(rs -> {
				String status = rs.getString("status");
				if (!ORDER.contains(status)) {
					complete[0]++;
					return;
				}
				String code = rs.getString("code");
				owing.add(new Owing(code, rs.getString("name"), status, rs.getLong("expected"), rs.getLong("reported"),
						owed.getOrDefault(code, List.of())));
			});
		owing.sort(java.util.Comparator.comparingInt(o -> ORDER.indexOf(o.status())));
		return new ChaseList(period, due, today, owing, complete[0]);
	}

	/** A task's indicators as they are read. */
	private record Gathering(int taskNo, String task, List<IndicatorOwed> indicators) {
	}

	private Map<String, List<TaskOwed>> owed(Period period) {
		Map<String, Map<Integer, Gathering>> owed = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT d.code, due.task_no, t.task_text, due.indicator_code, due.indicator_name, due.unit
				FROM reporting.department d
				CROSS JOIN LATERAL reporting.department_indicator_due(d.code, :start, :end) due
				JOIN reporting.task t ON t.task_no = due.task_no
				WHERE NOT d.is_group AND NOT due.reported
				ORDER BY d.code, due.task_no, due.indicator_code""")
			.param("start", period.start())
			.param("end", period.end())
			.query(rs -> {
				int taskNo = rs.getInt("task_no");
				String text = rs.getString("task_text");
				owed.computeIfAbsent(rs.getString("code"), c -> new LinkedHashMap<>())
					.computeIfAbsent(taskNo, n -> new Gathering(n, shortened(text), new ArrayList<>()))
					.indicators()
					.add(new IndicatorOwed(rs.getString("indicator_code"), rs.getString("indicator_name"), rs.getString("unit")));
			});
		Map<String, List<TaskOwed>> tasks = new LinkedHashMap<>();
		owed.forEach((department, gathered) -> tasks.put(department, gathered.values()
			.stream()
			.map(g -> new TaskOwed(g.taskNo(), g.task(), g.indicators()))
			.toList()));
		return tasks;
	}

	/** A task's text on one line, at most 40 characters. */
	static String shortened(String text) {
		String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		return oneLine.codePointCount(0, oneLine.length()) <= 40 ? oneLine
				: oneLine.substring(0, oneLine.offsetByCodePoints(0, 40)) + "…";
	}

}
