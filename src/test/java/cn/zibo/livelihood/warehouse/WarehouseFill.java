package cn.zibo.livelihood.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills the warehouse with many facts at once, set-based in SQL, for measuring reconciliation and the
 * reporting views on a warehouse of a given size (the figures that {@code ReconcileBenchmark} prints).
 * Needs the schema and a loaded catalogue; writes submissions and facts as the ingest would leave
 * them (one loaded submission per department and period), so every view and rule sees ordinary data.
 * <p>
 * The shape, all deterministic: every quantitative indicator of the catalogue (or those named) whose
 * task has a lead with an inbox, in the 12 districts (全市 included), over months from 2022-01 with
 * their quarters and years (the figure of a quarter or year equals that of the month ending the same
 * day); running totals grow, annual figures grow within their year, levels wobble within 10%; 全市 is
 * the districts' sum (their mean for rates). A task's second lead reports 全市 as well, and one
 * figure in 500 differs (co-lead mismatches); one 全市 figure in 1000 is 5% above its districts' sum,
 * one district figure in 5000 is ten times too big (outliers, and falls after them); status rows
 * (T…-00) every quarter. Periods are taken in order until {@code facts} current figures are reached;
 * {@code resubmitted} of the department-periods were first sent with other values (superseded facts,
 * on top of the current ones).
 */
public final class WarehouseFill {

	private WarehouseFill() {
	}

	/**
	 * @param facts current facts to write
	 * @param resubmitted share of department-periods sent twice (0 = none): their first facts stay as
	 * history, not current
	 * @param indicators indicator codes to report, or empty for every quantitative one
	 * @return facts written, current and superseded
	 */
	public static Filled fill(DataSource database, int facts, double resubmitted, List<String> indicators)
			throws SQLException {
		// one connection throughout: the working tables are temporary
		try (Connection connection = database.getConnection()) {
			return fill(JdbcClient.create(new SingleConnectionDataSource(connection, true)), facts, resubmitted, indicators);
		}
	}

	private static Filled fill(JdbcClient jdbc, int facts, double resubmitted, List<String> indicators) {
		jdbc.sql("DROP TABLE IF EXISTS pg_temp.fill_indicator, pg_temp.fill_period, pg_temp.fill_figure").update();
		jdbc.sql("""
				CREATE TEMP TABLE fill_indicator AS
				SELECT i.indicator_code, i.task_no, i.basis, i.additive, leads[1] AS lead, leads[2] AS co_lead,
				       abs(hashtext(i.indicator_code)) % 100 + 1 AS scale
				FROM catalogue.indicator i
				JOIN catalogue.current_version v ON v.version_id = i.version_id
				CROSS JOIN LATERAL (SELECT array_agg(l.department_code ORDER BY l.position) AS leads
				                    FROM catalogue.task_lead l
				                    JOIN catalogue.department d ON d.version_id = l.version_id AND d.code = l.department_code
				                    WHERE l.version_id = i.version_id AND l.task_no = i.task_no AND NOT d.is_group) x
				WHERE leads IS NOT NULL AND (cardinality(?::text[]) = 0 OR i.indicator_code = ANY (?::text[]))""")
			.params(indicators.toArray(String[]::new), indicators.toArray(String[]::new))
			.update();
		long perMonth = jdbc.sql("SELECT count(*) * 12 FROM fill_indicator WHERE basis <> 'status'").query(Long.class).single();
		if (perMonth == 0) {
			throw new IllegalArgumentException("No reportable indicator among " + indicators);
		}
		// a month with its quarter and year is about 1.4 periods' worth of figures a month; room to spare
		long months = facts / perMonth + 13;
		jdbc.sql("""
				CREATE TEMP TABLE fill_period AS
				SELECT p.period, m.period_end, m.t, m.month_of_year, p.kind
				FROM (SELECT k + 1 AS t, (DATE '2022-01-01' + make_interval(months => k))::date AS first,
				             (DATE '2022-01-01' + make_interval(months => k + 1) - interval '1 day')::date AS period_end,
				             k % 12 + 1 AS month_of_year
				      FROM generate_series(0, ?::int - 1) AS k) m
				CROSS JOIN LATERAL (VALUES (to_char(m.first, 'YYYY-MM'), 'month'),
				                           (CASE WHEN m.month_of_year % 3 = 0
				                                 THEN to_char(m.first, 'YYYY') || 'Q' || m.month_of_year / 3 END, 'quarter'),
				                           (CASE WHEN m.month_of_year = 12 THEN to_char(m.first, 'YYYY') END, 'year')) AS p(period, kind)
				WHERE p.period IS NOT NULL""")
			.param(months)
			.update();
		jdbc.sql("""
				CREATE TEMP TABLE fill_figure AS
				WITH district AS (
				    SELECT d.code FROM catalogue.district d JOIN catalogue.current_version v ON v.version_id = d.version_id
				),
				parts AS (
				    SELECT i.indicator_code, i.task_no, i.lead, i.additive, d.code AS district_code, p.period, p.period_end,
				           p.kind, p.t,
				           CASE i.basis
				               WHEN 'cumulative' THEN i.scale * p.t
				               WHEN 'annual' THEN i.scale * p.month_of_year
				               ELSE i.scale * 10 END
				           + (abs(hashtext(i.indicator_code || d.code || p.period_end)) % 100) / 100.0
				             * CASE WHEN i.basis = 'level' THEN i.scale ELSE 1 END
				           AS value
				    FROM fill_indicator i
				    CROSS JOIN district d
				    CROSS JOIN fill_period p
				    WHERE i.basis <> 'status' AND d.code <> '370300'
				),
				odd AS (
				    SELECT parts.*,
				           value * CASE WHEN abs(hashtext(indicator_code || district_code || period)) % 5000 = 0
				                        THEN 10 ELSE 1 END AS reported
				    FROM parts
				),
				city AS (
				    SELECT indicator_code, min(task_no) AS task_no, min(lead) AS lead, '370300' AS district_code, period,
				           min(period_end) AS period_end, min(kind) AS kind, min(t) AS t,
				           round(CASE WHEN bool_and(additive) THEN sum(value) ELSE avg(value) END, 2)
				           * CASE WHEN abs(hashtext(indicator_code || period)) % 1000 = 0 THEN 1.05 ELSE 1 END AS value
				    FROM parts
				    GROUP BY indicator_code, period
				)
				SELECT indicator_code, task_no, lead AS department_code, district_code, period, period_end, kind, t,
				       reported AS value, NULL::text AS status
				FROM odd
				UNION ALL
				SELECT indicator_code, task_no, lead, district_code, period, period_end, kind, t, value, NULL FROM city
				UNION ALL
				SELECT c.indicator_code, c.task_no, i.co_lead, c.district_code, c.period, c.period_end, c.kind, c.t,
				       c.value + CASE WHEN abs(hashtext(c.indicator_code || c.period || 'co')) % 500 = 0 THEN 1 ELSE 0 END,
				       NULL
				FROM city c JOIN fill_indicator i ON i.indicator_code = c.indicator_code AND i.co_lead IS NOT NULL
				UNION ALL
				SELECT i.indicator_code, i.task_no, i.lead, '370300', p.period, p.period_end, p.kind, p.t, NULL, 'in_progress'
				FROM fill_indicator i CROSS JOIN fill_period p
				WHERE i.basis = 'status' AND p.kind = 'quarter'
				ORDER BY t, kind, indicator_code, district_code, department_code
				LIMIT ?""")
			.param(facts)
			.update();
		jdbc.sql("ANALYZE fill_figure").update();
		// One submission per department and period; a resubmitted one has an earlier, superseded twin.
		jdbc.sql("""
				INSERT INTO warehouse.submission (department_code, inbox_folder, file_name, sha256, size_bytes, archive_path,
				                                  received_at, processed_at, status, policy, periods, figures_total,
				                                  figures_new, receipt_written_at)
				SELECT department_code, department_code, 'fill_' || department_code || '_' || period || '_' || version || '.csv',
				       encode(sha256(convert_to(department_code || period || version, 'UTF8')), 'hex'), 1000,
				       'fill/' || department_code || '/' || period || '_' || version,
				       period_end + 3 + version + abs(hashtext(department_code || period)) % 10, now(), 'loaded',
				       'all_or_nothing', ARRAY[period], n, n, now()
				FROM (SELECT department_code, period, min(period_end) AS period_end, count(*) AS n FROM fill_figure
				      GROUP BY department_code, period) s
				CROSS JOIN LATERAL (SELECT 1 AS version
				                    UNION ALL
				                    SELECT 0 WHERE abs(hashtext(s.department_code || s.period || 'again')) % 10000 < ? * 10000) v
				ORDER BY period_end, department_code, version""")
			.param(resubmitted)
			.update();
		long superseded = jdbc.sql("""
				WITH superseded AS (
				    UPDATE warehouse.submission s SET status = 'superseded', superseded_by = c.submission_id
				    FROM warehouse.submission c
				    WHERE s.file_name LIKE 'fill\\_%\\_0.csv' AND s.status = 'loaded'
				      AND c.file_name = replace(s.file_name, '_0.csv', '_1.csv')
				    RETURNING s.submission_id, c.submission_id AS current_id)
				INSERT INTO warehouse.fact (submission_id, department_code, indicator_code, task_no, district_code, period,
				                            period_end, value, status, reported_text, is_current, superseded_by)
				SELECT s.submission_id, f.department_code, f.indicator_code, f.task_no, f.district_code, f.period,
				       f.period_end, f.value * 1.01, f.status, coalesce(f.value::text, f.status), false, s.current_id
				FROM superseded s
				JOIN warehouse.submission w ON w.submission_id = s.current_id
				JOIN fill_figure f ON f.department_code = w.department_code AND f.period = w.periods[1]""")
			.update();
		long current = jdbc.sql("""
				INSERT INTO warehouse.fact (submission_id, department_code, indicator_code, task_no, district_code, period,
				                            period_end, value, status, reported_text)
				SELECT s.submission_id, f.department_code, f.indicator_code, f.task_no, f.district_code, f.period,
				       f.period_end, f.value, f.status, coalesce(f.value::text, f.status)
				FROM fill_figure f
				JOIN warehouse.submission s ON s.file_name = 'fill_' || f.department_code || '_' || f.period || '_1.csv'
				ORDER BY s.submission_id""")
			.update();
		// the values of every filled key at once: what the folds of so many loads would leave, built whole
		jdbc.sql("SELECT 1 FROM warehouse.rebuild_current_values()").query(Integer.class).single();
		jdbc.sql("DROP TABLE fill_indicator, fill_period, fill_figure").update();
		jdbc.sql("ANALYZE warehouse.submission").update();
		jdbc.sql("ANALYZE warehouse.fact").update();
		return new Filled(current, superseded);
	}

	/** How many facts a fill wrote. */
	public record Filled(long current, long superseded) {

		public long total() {
			return current + superseded;
		}

	}

}
