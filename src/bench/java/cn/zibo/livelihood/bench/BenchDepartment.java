package cn.zibo.livelihood.bench;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The benchmark's department, its indicators and the districts, as the loaded catalogue has them. */
final class BenchDepartment {

	private BenchDepartment() {
	}

	static BenchRows rows(JdbcClient jdbc, String department) {
		List<BenchRows.Indicator> indicators = jdbc.sql("""
				SELECT i.indicator_code, i.name, i.unit FROM reporting.indicator i
				WHERE i.task_no IN (SELECT l.task_no FROM catalogue.task_lead l
				                    WHERE l.version_id = (SELECT version_id FROM catalogue.current_version)
				                      AND l.department_code = ?)
				ORDER BY i.indicator_code""")
			.param(department)
			.query((rs, n) -> new BenchRows.Indicator(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		List<String> districts = jdbc.sql("SELECT short_name FROM reporting.district ORDER BY code").query(String.class).list();
		return new BenchRows(folder(jdbc, department), indicators, districts);
	}

	/** The department's rows for the tasks it alone leads. */
	static BenchRows soleRows(JdbcClient jdbc, String department) {
		List<BenchRows.Indicator> indicators = jdbc.sql("""
				SELECT i.indicator_code, i.name, i.unit FROM reporting.indicator i
				WHERE i.task_no IN (SELECT l.task_no FROM catalogue.task_lead l
				                    WHERE l.version_id = (SELECT version_id FROM catalogue.current_version)
				                    GROUP BY l.task_no HAVING count(*) = 1 AND min(l.department_code) = ?)
				ORDER BY i.indicator_code""")
			.param(department)
			.query((rs, n) -> new BenchRows.Indicator(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		List<String> districts = jdbc.sql("SELECT short_name FROM reporting.district ORDER BY code").query(String.class).list();
		return new BenchRows(folder(jdbc, department), indicators, districts);
	}

	static String folder(JdbcClient jdbc, String department) {
		return jdbc.sql("SELECT name FROM reporting.department WHERE code = ?").param(department).query(String.class).single();
	}

}
