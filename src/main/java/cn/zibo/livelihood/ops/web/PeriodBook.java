package cn.zibo.livelihood.ops.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.validate.Period;

/**
 * The reporting periods an operator acts on: every period of the calendar up to the running one,
 * every period with figures or task statuses and every period ever closed or reopened, newest first, each with its
 * due date, how many current figures it holds and whether it is closed now
 * ({@code reporting.period_status}).
 */
@ServeOnly
@Component
class PeriodBook {

	private final JdbcClient jdbc;

	PeriodBook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A period's row; {@code reason}, {@code actor} and {@code changedAt} of its latest close or reopen. */
	record Row(Period period, String name, LocalDate dueDate, long figures, boolean closed, OffsetDateTime changedAt,
			String reason, String actor) {

		public String code() {
			return period.code();
		}

		public boolean due() {
			return dueDate != null && dueDate.isBefore(LocalDate.now());
		}

	}

	record Status(boolean closed, OffsetDateTime changedAt, String reason, String actor) {
	}

	List<Row> rows() {
		Map<String, Long> figures = new HashMap<>();
		jdbc.sql("""
				SELECT period, count(*) AS n FROM (
				    SELECT period FROM reporting.indicator_value
				    UNION ALL SELECT period FROM reporting.task_status) figures
				GROUP BY period""").query(rs -> {
			figures.put(rs.getString("period"), rs.getLong("n"));
		});
		Map<String, Status> statuses = new HashMap<>();
		jdbc.sql("SELECT period, closed, changed_at, reason, actor FROM reporting.period_status").query(rs -> {
			statuses.put(rs.getString("period"), new Status(rs.getBoolean("closed"),
					rs.getObject("changed_at", OffsetDateTime.class), rs.getString("reason"), rs.getString("actor")));
		});
		Map<String, Period> periods = new TreeMap<>();
		List<String> codes = new ArrayList<>(jdbc.sql("SELECT period FROM reporting.calendar_period").query(String.class).list());
		codes.addAll(figures.keySet());
		codes.addAll(statuses.keySet());
		codes.forEach(code -> Period.parse(code).filter(p -> p.code().equals(code)).ifPresent(p -> periods.put(code, p)));
		Map<LocalDate, LocalDate> due = dueDates(periods.values().stream().map(Period::end).distinct().toList());
		return periods.values()
			.stream()
			.sorted(Comparator.comparing(Period::end).thenComparing(Period::start).reversed())
			.map(p -> {
				Status status = statuses.get(p.code());
				return new Row(p, ClerkWords.INSTANCE.period(p.code()), due.get(p.end()), figures.getOrDefault(p.code(), 0L),
						status != null && status.closed(), status == null ? null : status.changedAt(),
						status == null ? null : status.reason(), status == null ? null : status.actor());
			})
			.toList();
	}

	Optional<Row> row(String code) {
		return rows().stream().filter(r -> r.code().equals(code)).findFirst();
	}

	/**
	 * What the workbook and 催报 show unless asked: the latest period with figures; with none yet, the
	 * latest past its due date (not the calendar's latest, which nobody has reported for yet).
	 */
	static Optional<Row> latestWithDataOrDue(List<Row> rows) {
		return rows.stream().filter(r -> r.figures() > 0).findFirst().or(() -> rows.stream().filter(Row::due).findFirst());
	}

	/** The rows with the period in them, as a row of its own at the top when none of them is it. */
	static List<Row> including(List<Row> rows, Period period) {
		if (rows.stream().anyMatch(r -> r.code().equals(period.code()))) {
			return rows;
		}
		List<Row> all = new ArrayList<>();
		all.add(new Row(period, ClerkWords.INSTANCE.period(period.code()), null, 0, false, null, null, null));
		all.addAll(rows);
		return all;
	}

	private Map<LocalDate, LocalDate> dueDates(List<LocalDate> ends) {
		Map<LocalDate, LocalDate> due = new HashMap<>();
		if (ends.isEmpty()) {
			return due;
		}
		jdbc.sql("SELECT e AS period_end, reporting.due_date(e) AS due_date FROM unnest(?::date[]) AS e")
			.param(ends.stream().map(LocalDate::toString).toArray(String[]::new))
			.query(rs -> {
				due.put(rs.getObject("period_end", LocalDate.class), rs.getObject("due_date", LocalDate.class));
			});
		return due;
	}

}
