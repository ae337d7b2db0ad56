package cn.zibo.livelihood.report.progress;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.report.progress.ProgressReport.CompletenessRow;
import cn.zibo.livelihood.report.progress.ProgressReport.DiscrepancyRow;
import cn.zibo.livelihood.report.progress.ProgressReport.IndicatorRow;
import cn.zibo.livelihood.report.progress.ProgressReport.StatusRow;
import cn.zibo.livelihood.report.RefusedPeriods;
import cn.zibo.livelihood.report.progress.ProgressReport.SubmissionRow;
import cn.zibo.livelihood.report.progress.ProgressReport.Task;
import cn.zibo.livelihood.validate.Period;

/**
 * Reads what the progress workbook shows from the reporting views, one query per sheet (never one
 * per row), so the report costs the same few statements however large the warehouse. Figures are
 * taken as the views give them; this class only chooses rows. "Within a period" means a period
 * lying inside it: for 2024Q3 the quarter and its months, for 2024 every period of the year.
 */
@Component
class ProgressReportReader {

	private static final String CITY = "370300";

	private final JdbcClient jdbc;

	ProgressReportReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ProgressReport read(Period period) {
		String[] within = codesWithin(period).toArray(String[]::new);
		return new ProgressReport(period, LocalDateTime.now().withNano(0), tasks(), indicators(period), statuses(period),
				discrepancies(within), completeness(within), submissions(within));
	}

	private List<Task> tasks() {
		return jdbc.sql("""
				SELECT task_no, campaign_no, campaign_name, section_no, section_name, task_text, lead_departments
				FROM reporting.task ORDER BY task_no""")
			.query((rs, n) -> new Task(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5),
					rs.getString(6), strings(rs.getArray(7))))
			.list();
	}

	/**
	 * reporting.indicator_progress as it stood at the period's end (reporting.indicator_progress_at),
	 * read from the history of the values as it stands today.
	 */
	private List<IndicatorRow> indicators(Period period) {
		return jdbc.sql("""
				SELECT indicator_code, task_no, name, unit, comparator, target, basis, deadline, latest_period, value,
				       completion_rate, expected_rate, status, derived, department, remark
				FROM reporting.indicator_progress_at(?) WHERE district_code = ? ORDER BY task_no, indicator_code""")
			.params(period.end(), CITY)
			.query((rs, n) -> new IndicatorRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, LocalDate.class),
					rs.getString(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getString(13),
					rs.getBoolean(14), rs.getString(15), rs.getString(16)))
			.list();
	}

	/**
	 * Per task, lead and district, the status of the latest period ending by the period's end (of
	 * periods ending the same day, the longest), as the view's periods are codes, not dates.
	 */
	private List<StatusRow> statuses(Period period) {
		record Dated(StatusRow row, Period period) {
		}
		Map<String, Dated> latest = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT s.task_no, s.department, CASE WHEN s.district_code <> ? THEN d.short_name END, s.period, s.status,
				       s.narrative
				FROM reporting.task_status s LEFT JOIN reporting.district d ON d.code = s.district_code
				ORDER BY s.task_no, s.department, s.district_code""")
			.param(CITY)
			.query((RowCallbackHandler) rs -> {
				StatusRow row = new StatusRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6));
				Period p = Period.parse(row.period()).orElse(null);
				if (p == null || p.end().isAfter(period.end())) {
					return;
				}
				latest.merge(row.taskNo() + "|" + row.department() + "|" + row.district(), new Dated(row, p),
						(a, b) -> LATEST.compare(a.period(), b.period()) >= 0 ? a : b);
			});
		return latest.values().stream().map(Dated::row).toList();
	}

	private static final Comparator<Period> LATEST = Comparator.comparing(Period::end)
		.thenComparing(Period::start, Comparator.reverseOrder());

	private List<DiscrepancyRow> discrepancies(String[] within) {
		return jdbc.sql("""
				SELECT x.discrepancy_id, x.kind, x.indicator_code, x.indicator_name, x.task_no,
				       CASE WHEN x.district_code <> ? THEN d.short_name END, x.period, x.departments, x.details, x.status,
				       x.detected_at, x.closed_at
				FROM reporting.discrepancy x LEFT JOIN reporting.district d ON d.code = x.district_code
				WHERE x.period = ANY(CAST(? AS text[]))
				ORDER BY x.status = 'open' DESC, x.kind, x.indicator_code, x.district_code, x.period, x.discrepancy_id""")
			.params(CITY, within)
			.query((rs, n) -> new DiscrepancyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getString(7), strings(rs.getArray(8)),
					rs.getString(9), rs.getString(10), local(rs, 11), local(rs, 12)))
			.list();
	}

	private List<CompletenessRow> completeness(String[] within) {
		return jdbc.sql("""
				SELECT department, period, due_date, expected, reported, missing, last_submission_at, status
				FROM reporting.department_completeness WHERE period = ANY(CAST(? AS text[]))
				ORDER BY period_end, department_code""")
			.param(within)
			.query((rs, n) -> new CompletenessRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), local(rs, 7), rs.getString(8)))
			.list();
	}

	/**
	 * The files with figures of the period, and the refused files about it: a refused file records no
	 * periods, so those known from its withheld figures and its name ({@link RefusedPeriods}) decide.
	 */
	private List<SubmissionRow> submissions(String[] within) {
		Set<String> codes = Set.of(within);
		return jdbc.sql("""
				SELECT s.submission_id, s.department, s.file_name, s.received_at, s.status, s.rows_total, s.rows_loaded,
				       s.rows_rejected, s.periods,
				       ARRAY(SELECT DISTINCT w.period FROM warehouse.withheld_figure w WHERE w.submission_id = s.submission_id)
				FROM reporting.submission s
				WHERE s.periods && CAST(? AS text[])
				   OR (s.status = 'rejected' AND cardinality(s.periods) = 0)
				ORDER BY s.received_at, s.submission_id""")
			.param(within)
			.query((rs, n) -> {
				List<String> periods = strings(rs.getArray(9));
				if (periods.isEmpty()) {
					periods = RefusedPeriods.of(strings(rs.getArray(10)), rs.getString(3));
				}
				return new SubmissionRow(rs.getLong(1), rs.getString(2), rs.getString(3), local(rs, 4), rs.getString(5),
						rs.getLong(6), rs.getLong(7), rs.getLong(8), periods);
			})
			.list()
			.stream()
			.filter(row -> row.periods().stream().anyMatch(codes::contains))
			.toList();
	}

	/** Every period code lying inside {@code period}: itself, and its halves, quarters and months. */
	static List<String> codesWithin(Period period) {
		List<Period> candidates = new ArrayList<>();
		for (int year = period.start().getYear(); year <= period.end().getYear(); year++) {
			int y = year;
			candidates.add(Period.year(y));
			IntStream.rangeClosed(1, 2).forEach(h -> candidates.add(Period.half(y, h)));
			IntStream.rangeClosed(1, 4).forEach(q -> candidates.add(Period.quarter(y, q)));
			IntStream.rangeClosed(1, 12).forEach(m -> candidates.add(Period.month(y, m)));
		}
		return candidates.stream()
			.filter(p -> !p.start().isBefore(period.start()) && !p.end().isAfter(period.end()))
			.map(Period::code)
			.toList();
	}

	private static LocalDateTime local(ResultSet rs, int column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime().withNano(0);
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of()
				: Arrays.stream((Object[]) array.getArray()).filter(Objects::nonNull).map(Object::toString).toList();
	}

}
