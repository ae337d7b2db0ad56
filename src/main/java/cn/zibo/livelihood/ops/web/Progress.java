package cn.zibo.livelihood.ops.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The progress overview: what each department sent and holds ({@code reporting.department_activity}),
 * figures per period, and what reconciliation publishes once its views exist
 * ({@code reporting.indicator_progress}, {@code reporting.department_completeness},
 * {@code reporting.discrepancy}). Each of those is looked up by name on every request, so the page
 * works before reconciliation is installed and shows its results as soon as it is; their rows are
 * passed on as the views define them, since their columns may grow.
 */
@ServeOnly
@Component
class Progress {

	static final String INDICATOR_PROGRESS = "reporting.indicator_progress";

	static final String COMPLETENESS = "reporting.department_completeness";

	static final String DISCREPANCY = "reporting.discrepancy";

	private final JdbcClient jdbc;

	Progress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One department's submissions by outcome and its current figures. */
	record DepartmentActivity(String departmentCode, String department, long submissions, long loaded, long rejected,
			long duplicate, long superseded, long waiting, long figuresCurrent, long indicatorsReported,
			OffsetDateTime lastReceivedAt) {
	}

	record Count(String key, long count) {
	}

	/**
	 * @param indicatorStatus indicators by status (achieved, on_track, behind, no_data); null until
	 * reconciliation's {@code reporting.indicator_progress} exists
	 */
	record Overview(List<DepartmentActivity> departments, List<Count> figuresByPeriod, long figuresCurrent,
			List<Count> indicatorStatus) {
	}

	Overview overview(String department) {
		List<DepartmentActivity> departments = jdbc.sql("""
				SELECT * FROM reporting.department_activity
				WHERE CAST(:department AS text) IS NULL OR department_code = :department
				ORDER BY figures_current DESC, submissions DESC, department""")
			.param("department", department)
			.query(DepartmentActivity.class)
			.list();
		List<Count> byPeriod = jdbc.sql("""
				SELECT period AS key, count(*) AS count FROM reporting.indicator_value
				WHERE CAST(:department AS text) IS NULL OR department_code = :department
				GROUP BY period ORDER BY max(period_end), period""")
			.param("department", department)
			.query(Count.class)
			.list();
		List<Count> status = exists(INDICATOR_PROGRESS)
				? jdbc.sql("SELECT status AS key, count(*) AS count FROM reporting.indicator_progress GROUP BY status ORDER BY status")
					.query(Count.class)
					.list()
				: null;
		return new Overview(departments, byPeriod, byPeriod.stream().mapToLong(Count::count).sum(), status);
	}

	/** Completeness rows, newest period first; empty when reconciliation has not created the view. */
	Optional<List<Map<String, Object>>> completeness(String period, String departmentCode) {
		if (!exists(COMPLETENESS)) {
			return Optional.empty();
		}
		return Optional.of(jdbc.sql("""
				SELECT c.* FROM reporting.department_completeness c
				WHERE (CAST(:period AS text) IS NULL OR c.period = :period)
				  AND (CAST(:department AS text) IS NULL
				       OR c.department = (SELECT d.name FROM reporting.department d WHERE d.code = :department))
				ORDER BY c.period DESC, c.department LIMIT 1000""")
			.param("period", period == null || period.isBlank() ? null : period)
			.param("department", departmentCode)
			.query()
			.listOfRows());
	}

	/** The latest discrepancies and how many there are by kind; empty when the view does not exist. */
	Optional<Discrepancies> discrepancies(int limit) {
		if (!exists(DISCREPANCY)) {
			return Optional.empty();
		}
		List<Count> byKind = jdbc.sql("SELECT kind AS key, count(*) AS count FROM reporting.discrepancy GROUP BY kind ORDER BY kind")
			.query(Count.class)
			.list();
		List<Map<String, Object>> latest = jdbc.sql("SELECT * FROM reporting.discrepancy ORDER BY detected_at DESC NULLS LAST LIMIT ?")
			.param(limit)
			.query()
			.listOfRows();
		return Optional.of(new Discrepancies(byKind.stream().mapToLong(Count::count).sum(), byKind, latest));
	}

	record Discrepancies(long open, List<Count> byKind, List<Map<String, Object>> latest) {
	}

	/** How many discrepancies are open; -1 while the view does not exist. */
	long openDiscrepancies() {
		return exists(DISCREPANCY) ? jdbc.sql("SELECT count(*) FROM reporting.discrepancy").query(Long.class).single() : -1;
	}

	boolean exists(String view) {
		return Boolean.TRUE.equals(jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(view).query(Boolean.class).single());
	}

}
