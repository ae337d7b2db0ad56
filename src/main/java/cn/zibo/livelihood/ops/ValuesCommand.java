package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.ops.text.TextTable;
import cn.zibo.livelihood.ops.text.Words;
import cn.zibo.livelihood.validate.Period;

/** Prints the current figures of {@code reporting.indicator_value}, for a look without a database client. */
@Command(name = "values", mixinStandardHelpOptions = true,
		description = "列出现行数据（reporting.indicator_value），可按报告期或指标筛选。")
class ValuesCommand implements SpringTask {

	@Option(names = "--period", paramLabel = "P", description = "只列这个报告期（2024Q3、2024年第三季度、2024-07 等）")
	String period;

	@Option(names = "--indicator", paramLabel = "CODE", description = "只列这个指标，如 T002-01")
	String indicator;

	@Option(names = "--limit", defaultValue = "200", description = "最多列出这么多行（默认 ${DEFAULT-VALUE}）")
	int limit;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		String code = period == null ? null : Period.parse(period).map(Period::code).orElse(period);
		TextTable table = new TextTable().left("报告期").left("指标编码").left("指标名称").left("区县").right("数值").left("单位")
			.left("报送部门").right("报送编号").left("汇总得出");
		context.getBean(JdbcClient.class)
			.sql("""
					SELECT v.indicator_code, i.name, v.district_name, v.period, v.value, v.unit, v.department, v.submission_id,
					       v.derived
					FROM reporting.indicator_value v JOIN reporting.indicator i USING (indicator_code)
					WHERE (CAST(? AS text) IS NULL OR v.period = ?) AND (CAST(? AS text) IS NULL OR v.indicator_code = ?)
					ORDER BY v.period, v.indicator_code, v.district_code LIMIT ?""")
			.params(code, code, indicator, indicator, limit)
			.query((rs, n) -> table.row(Places.period(rs.getString(4)), rs.getString(1), rs.getString(2),
					Places.district(rs.getString(3)), Words.number(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7),
					rs.getLong(8), rs.getBoolean(9) ? "是" : ""))
			.list();
		if (table.isEmpty()) {
			out.println(code == null ? "尚无数据。" : Places.period(code) + "尚无数据。");
			return 0;
		}
		table.print(out);
		return 0;
	}

}
