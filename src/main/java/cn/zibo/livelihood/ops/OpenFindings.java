package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.reconcile.DiscrepancyKind;

/**
 * The open findings of {@code reporting.discrepancy} as {@code reconcile} and {@code status} list
 * them: how many of each kind, then the newest with indicator, district and period (and, for
 * {@code reconcile}, what the finding says).
 */
final class OpenFindings {

	private OpenFindings() {
	}

	/** @return how many findings are open */
	static int print(JdbcClient jdbc, PrintWriter out, int newest, boolean withDetails) {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.sql("SELECT kind, count(*) FROM reporting.discrepancy WHERE status = 'open' GROUP BY kind")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		for (DiscrepancyKind kind : DiscrepancyKind.values()) {
			out.printf("  %-22s %-10s %5d open%n", kind.code(), kind.chineseName(), counts.getOrDefault(kind.code(), 0));
		}
		var rows = jdbc.sql("""
				SELECT discrepancy_id, kind, indicator_code, indicator_name, coalesce(district_name, district_code), period, details
				FROM reporting.discrepancy WHERE status = 'open'
				ORDER BY detected_at DESC, discrepancy_id DESC LIMIT ?""")
			.param(newest)
			.query((rs, n) -> String.format("  #%d %s (%s) %s %s, %s, %s%s", rs.getLong(1), rs.getString(2),
					DiscrepancyKind.chineseNameOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), withDetails ? System.lineSeparator() + "      " + rs.getString(7) : ""))
			.list();
		if (rows.isEmpty()) {
			out.println("No open findings (没有待核实的问题).");
			return 0;
		}
		out.println("Open findings (待核实的问题), newest first:");
		rows.forEach(out::println);
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

}
