package cn.zibo.livelihood.reconcile;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads reporting.discrepancy back for assertions. */
final class Findings {

	private final JdbcClient jdbc;

	Findings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** "period district status" of every finding, open or closed, of one kind and indicator. */
	List<String> of(String kind, String indicator) {
		return jdbc.sql("""
				SELECT period || ' ' || district_code || ' ' || status FROM reporting.discrepancy
				WHERE kind = ? AND indicator_code = ? ORDER BY period_end, district_code, discrepancy_id""")
			.params(kind, indicator)
			.query(String.class)
			.list();
	}

	/** The one finding of a kind, indicator, district and period, as reporting.discrepancy shows it. */
	Map<String, Object> one(String kind, String indicator, String district, String period) {
		return jdbc.sql("""
				SELECT * FROM reporting.discrepancy
				WHERE kind = ? AND indicator_code = ? AND district_code = ? AND period = ?""")
			.params(kind, indicator, district, period)
			.query()
			.singleRow();
	}

	/** Every finding with what must not change when nothing changed: id, key, details, status, dates. */
	List<String> all() {
		return jdbc.sql("""
				SELECT concat_ws('|', discrepancy_id, kind, indicator_code, district_code, period, status, detected_at,
				                 closed_at, departments, submission_ids, details)
				FROM reporting.discrepancy ORDER BY discrepancy_id""")
			.query(String.class)
			.list();
	}

}
