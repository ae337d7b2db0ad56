package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.ops.text.TextTable;
import cn.zibo.livelihood.ops.text.Words;
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
		TextTable byKind = new TextTable().left("类别").right("待核实");
		for (DiscrepancyKind kind : DiscrepancyKind.values()) {
			byKind.row(kind.chineseName(), Words.number(counts.getOrDefault(kind.code(), 0)));
		}
		byKind.print(out);
		List<String> details = new ArrayList<>();
		TextTable newestFirst = new TextTable().right("编号").left("类别").left("指标").left("区县").left("报告期");
		jdbc.sql("""
				SELECT discrepancy_id, kind, indicator_code, indicator_name, coalesce(district_name, district_code), period, details
				FROM reporting.discrepancy WHERE status = 'open'
				ORDER BY detected_at DESC, discrepancy_id DESC LIMIT ?""")
			.param(newest)
			.query((rs, n) -> {
				details.add(rs.getString(7));
				return newestFirst.row(rs.getLong(1), DiscrepancyKind.chineseNameOf(rs.getString(2)),
						rs.getString(3) + " " + rs.getString(4), Places.district(rs.getString(5)), Places.period(rs.getString(6)));
			})
			.list();
		if (newestFirst.isEmpty()) {
			out.println("没有待核实的差异。");
			return 0;
		}
		out.println("待核实的差异（最新的在前）：");
		List<String> lines = newestFirst.lines();
		out.println(lines.get(0));
		for (int i = 1; i < lines.size(); i++) {
			out.println(lines.get(i));
			if (withDetails) {
				out.println("        " + details.get(i - 1));
			}
		}
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

}
