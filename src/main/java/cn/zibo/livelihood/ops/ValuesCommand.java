package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.math.BigDecimal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.validate.Period;

/** Prints the current figures of {@code reporting.indicator_value}, for a look without a database client. */
@Command(name = "values", mixinStandardHelpOptions = true,
		description = "List current figures (reporting.indicator_value), optionally for one period or indicator.")
class ValuesCommand implements SpringTask {

	@Option(names = "--period", paramLabel = "P", description = "only this period (2024Q3, 2024-07 …)")
	String period;

	@Option(names = "--indicator", paramLabel = "CODE", description = "only this indicator, e.g. T002-01")
	String indicator;

	@Option(names = "--limit", defaultValue = "200", description = "at most this many rows (default ${DEFAULT-VALUE})")
	int limit;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		String code = period == null ? null : Period.parse(period).map(Period::code).orElse(period);
		var rows = context.getBean(JdbcClient.class)
			.sql("""
					SELECT v.indicator_code, i.name, v.district_name, v.period, v.value, v.unit, v.department, v.submission_id,
					       v.derived
					FROM reporting.indicator_value v JOIN reporting.indicator i USING (indicator_code)
					WHERE (CAST(? AS text) IS NULL OR v.period = ?) AND (CAST(? AS text) IS NULL OR v.indicator_code = ?)
					ORDER BY v.period, v.indicator_code, v.district_code LIMIT ?""")
			.params(code, code, indicator, indicator, limit)
			.query((rs, n) -> String.format("%-8s %-8s %s %s %s %s  %s  #%d%s", rs.getString(4), rs.getString(1),
					CatalogueShowCommand.pad(rs.getString(2), 28), CatalogueShowCommand.pad(rs.getString(3), 24),
					plain(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7), rs.getLong(8),
					rs.getBoolean(9) ? " (derived 汇总)" : ""))
			.list();
		if (rows.isEmpty()) {
			out.println("No figures (数据) yet" + (code == null ? "" : " for " + code) + ".");
			return 0;
		}
		out.println("period   indicator name (指标)                  district (区县)          value unit  department  #submission");
		rows.forEach(out::println);
		return 0;
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
