package cn.zibo.livelihood.ops.web;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.reconcile.DiscrepancyKind;

/**
 * The progress overview: what each department sent and holds ({@code reporting.department_activity}),
 * figures per period, and what reconciliation publishes: progress against targets
 * ({@code reporting.indicator_progress}, {@code reporting.campaign_progress}), department
 * completeness per reporting period ({@code reporting.department_completeness}) and the open
 * findings ({@code reporting.discrepancy}). Rows of the contract's views are passed on as the views
 * define them (snake_case), since their columns may grow.
 */
@ServeOnly
@Component
class Progress {

	/** 全市: targets are city-wide, so progress is read at the city's row unless a district is asked for. */
	static final String CITY = "370300";

	/** A department's tasks (any position among the leads), of rows {@code p}; every task when it is null. */
	private static final String LED_BY = """
			(CAST(:department AS text) IS NULL OR p.task_no IN (SELECT l.task_no FROM catalogue.task_lead l
			 WHERE l.version_id = (SELECT version_id FROM catalogue.current_version) AND l.department_code = :department))""";

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

	/** One campaign's quantitative indicators at 全市 by status, as {@code reporting.campaign_progress}. */
	record CampaignProgress(int campaignNo, String campaignName, long indicators, long achieved, long onTrack, long behind,
			long noData, BigDecimal averageCompletion) {
	}

	/**
	 * @param indicatorStatus the catalogue's quantitative indicators by status at 全市 (achieved,
	 * on_track, behind, no_data), from {@code reporting.indicator_progress}; for a department, those of
	 * the tasks it leads, as {@code campaigns}
	 */
	record Overview(List<DepartmentActivity> departments, List<Count> figuresByPeriod, long figuresCurrent,
			List<Count> indicatorStatus, List<CampaignProgress> campaigns) {
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
		List<Count> status = jdbc.sql("""
				SELECT p.status AS key, count(*) AS count FROM reporting.indicator_progress p
				WHERE p.district_code = :city AND """ + LED_BY + """
				GROUP BY p.status ORDER BY array_position(ARRAY['achieved', 'on_track', 'behind', 'no_data'], p.status)""")
			.param("city", CITY)
			.param("department", department)
			.query(Count.class)
			.list();
		// reporting.campaign_progress, of the department's tasks only
		List<CampaignProgress> campaigns = jdbc.sql("""
				SELECT p.campaign_no, p.campaign_name, count(p.indicator_code) AS indicators,
				       count(*) FILTER (WHERE p.status = 'achieved') AS achieved,
				       count(*) FILTER (WHERE p.status = 'on_track') AS on_track,
				       count(*) FILTER (WHERE p.status = 'behind') AS behind,
				       count(*) FILTER (WHERE p.status = 'no_data') AS no_data, round(avg(p.completion), 4) AS average_completion
				FROM warehouse.task_indicator_progress p WHERE """ + LED_BY + """
				GROUP BY p.campaign_no, p.campaign_name ORDER BY p.campaign_no""")
			.param("department", department)
			.query(CampaignProgress.class)
			.list();
		return new Overview(departments, byPeriod, byPeriod.stream().mapToLong(Count::count).sum(), status, campaigns);
	}

	/**
	 * Rows of {@code reporting.indicator_progress} (with the task's campaign_no) for one district, 全市
	 * unless given (code, name or short name), by task and indicator. A department user sees the tasks
	 * its department leads.
	 */
	List<Map<String, Object>> indicators(Integer task, Integer campaign, String district, String status,
			String department) {
		return jdbc.sql("""
				SELECT p.*, t.campaign_no FROM reporting.indicator_progress p JOIN reporting.task t USING (task_no)
				WHERE p.district_code IN (SELECT d.code FROM reporting.district d
				                          WHERE coalesce(CAST(:district AS text), :city) IN (d.code, d.name, d.short_name))
				  AND (CAST(:task AS integer) IS NULL OR p.task_no = :task)
				  AND (CAST(:campaign AS integer) IS NULL OR t.campaign_no = :campaign)
				  AND (CAST(:status AS text) IS NULL OR p.status = :status)
				  AND """ + LED_BY + """
				ORDER BY p.task_no, p.indicator_code""")
			.param("district", blankToNull(district))
			.param("city", CITY)
			.param("task", task)
			.param("campaign", campaign)
			.param("status", blankToNull(status))
			.param("department", department)
			.query()
			.listOfRows();
	}

	/** The 全市 indicators furthest behind their expected progress (序时进度), most behind first. */
	List<Map<String, Object>> furthestBehind(int limit, String department) {
		return jdbc.sql("""
				SELECT p.* FROM reporting.indicator_progress p
				WHERE p.district_code = :city AND p.status = 'behind'
				  AND """ + LED_BY + """
				ORDER BY p.expected_rate - p.completion_rate DESC, p.indicator_code LIMIT :limit""")
			.param("city", CITY)
			.param("department", department)
			.param("limit", limit)
			.query()
			.listOfRows();
	}

	/** The reporting periods of the calendar that have ended, newest first. */
	List<String> periods() {
		return jdbc.sql("SELECT period FROM reporting.reporting_period ORDER BY period_end DESC").query(String.class).list();
	}

	/**
	 * Completeness rows (all periods when none is given), newest period first, within a period the
	 * departments with something missing first. {@code missing} lists the codes of the indicators due
	 * and not yet reported; the view's count of them is {@code missing_count}.
	 */
	List<Map<String, Object>> completeness(String period, String departmentCode) {
		return jdbc.sql("""
				SELECT c.*, ARRAY(SELECT d.indicator_code
				                  FROM reporting.department_indicator_due(c.department_code, p.period_start, c.period_end) d
				                  WHERE NOT d.reported ORDER BY d.indicator_code) AS missing_codes
				FROM reporting.department_completeness c JOIN reporting.reporting_period p USING (period)
				WHERE (CAST(:period AS text) IS NULL OR c.period = :period)
				  AND (CAST(:department AS text) IS NULL OR c.department_code = :department)
				ORDER BY c.period_end DESC,
				         array_position(ARRAY['missing', 'incomplete', 'pending', 'late', 'on_time'], c.status), c.department""")
			.param("period", blankToNull(period))
			.param("department", departmentCode)
			.query((rs, n) -> {
				Map<String, Object> row = new ColumnMapRowMapper().mapRow(rs, n);
				row.put("missing_count", row.remove("missing"));
				row.put("missing", List.of((String[]) ((Array) row.remove("missing_codes")).getArray()));
				return row;
			})
			.list();
	}

	/** Open findings of one kind, with the Chinese name the city office uses for it. */
	record KindCount(String kind, String name, long count) {
	}

	record Discrepancies(long open, List<KindCount> byKind, List<Map<String, Object>> latest) {
	}

	/** How many findings are open by kind, and the newest open ones. */
	Discrepancies discrepancies(int limit) {
		List<KindCount> byKind = jdbc.sql("""
				SELECT kind, count(*) FROM reporting.discrepancy WHERE status = 'open' GROUP BY kind ORDER BY kind""")
			.query((rs, n) -> new KindCount(rs.getString(1),
					DiscrepancyKind.chineseNameOf(rs.getString(1)), rs.getLong(2)))
			.list();
		List<Map<String, Object>> latest = jdbc.sql("""
				SELECT discrepancy_id, kind, indicator_code, indicator_name, task_no, district_code, district_name, period,
				       array_to_string(departments, '、') AS departments, details, detected_at, last_seen_at
				FROM reporting.discrepancy WHERE status = 'open'
				ORDER BY detected_at DESC, discrepancy_id DESC LIMIT ?""")
			.param(limit)
			.query()
			.listOfRows();
		return new Discrepancies(byKind.stream().mapToLong(KindCount::count).sum(), byKind, latest);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
