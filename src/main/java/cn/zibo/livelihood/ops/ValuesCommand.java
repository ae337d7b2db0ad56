package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.ops.text.TextTable;
import cn.zibo.livelihood.ops.text.Words;
import cn.zibo.livelihood.report.WorkbookFile;
import cn.zibo.livelihood.report.export.ExportFormat;
import cn.zibo.livelihood.report.export.ExportRequestException;
import cn.zibo.livelihood.report.export.ExportView;
import cn.zibo.livelihood.report.export.Exports;
import cn.zibo.livelihood.report.export.PreparedExport;
import cn.zibo.livelihood.validate.Period;

/**
 * Prints the current figures of {@code reporting.indicator_value}, for a look without a database
 * client, or writes them all to a CSV or XLSX file, as {@code serve} exports them
 * ({@code /api/export/indicator_value.csv}).
 */
@Command(name = "values", mixinStandardHelpOptions = true,
		description = "列出现行数据，可按报告期、任务、区县或指标筛选；或用 --out 写成 CSV、XLSX 文件。")
class ValuesCommand implements SpringTask {

	@Spec
	CommandSpec spec;

	@Option(names = "--format", paramLabel = "csv|xlsx", converter = FormatConverter.class,
			description = "把全部符合条件的数据按此格式写到 --out（默认按 --out 的扩展名）")
	ExportFormat format;

	Path file;

	@Option(names = "--out", paramLabel = "FILE", description = "要写出的 .csv 或 .xlsx 文件")
	void out(Path out) {
		String name = out.getFileName().toString();
		if (ExportFormat.of(name.substring(name.lastIndexOf('.') + 1)).isEmpty()) {
			throw new ParameterException(spec.commandLine(), "--out 须为 .csv 或 .xlsx 文件，现为“" + out + "”");
		}
		this.file = out;
	}

	@Option(names = "--task", paramLabel = "N", description = "只要这项任务（1至113）")
	Integer task;

	@Option(names = "--district", paramLabel = "D", description = "只要这个区县：代码、名称或简称")
	String district;

	@Option(names = "--period", paramLabel = "P", description = "只要这个报告期（2024Q3、2024年第三季度、2024-07 等）")
	String period;

	@Option(names = "--indicator", paramLabel = "CODE", description = "只列这个指标，如 T002-01")
	String indicator;

	@Option(names = "--limit", defaultValue = "200", description = "最多列出这么多行（默认 ${DEFAULT-VALUE}）")
	int limit;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws IOException {
		if (format != null || file != null) {
			return export(context, out);
		}
		if (task != null || district != null) {
			return usage("--task 和 --district 用于筛选导出的数据，请同时用 --out 指定 .csv 或 .xlsx 文件");
		}
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
					// a 全市 summed from the districts came from no one submission
					rs.getObject(8) == null ? "" : rs.getLong(8), rs.getBoolean(9) ? "是" : ""))
			.list();
		if (table.isEmpty()) {
			out.println(code == null ? "尚无数据。" : Places.period(code) + "尚无数据。");
			return 0;
		}
		table.print(out);
		return 0;
	}

	private int export(ConfigurableApplicationContext context, PrintWriter out) throws IOException {
		if (file == null) {
			return usage("--format 需要同时用 --out 指定 ." + format.extension() + " 文件");
		}
		String extension = file.getFileName().toString().replaceFirst("^.*\\.", "");
		ExportFormat as = format != null ? format : ExportFormat.of(extension).orElseThrow();
		if (!as.extension().equalsIgnoreCase(extension)) {
			return usage("--format " + as.extension() + " 写出 ." + as.extension() + " 文件，而 --out 为“" + file + "”");
		}
		Exports exports = context.getBean(Exports.class);
		PreparedExport prepared;
		try {
			prepared = exports.prepare(ExportView.INDICATOR_VALUE, exports.filter(period, task, district, indicator, null), as);
		}
		catch (ExportRequestException ex) {
			return usage(ex.getMessage());
		}
		long[] rows = { 0 };
		WorkbookFile.write(file, stream -> rows[0] = prepared.writeTo(stream));
		out.printf("已写出%s个数值：%s%n", Words.number(rows[0]), file.toAbsolutePath());
		return 0;
	}

	private int usage(String message) {
		PrintWriter err = spec.commandLine().getErr();
		err.println(message);
		spec.commandLine().usage(err);
		return CommandLineLauncher.USAGE;
	}

	/** csv or xlsx; anything else is a usage error, found while parsing. */
	static final class FormatConverter implements ITypeConverter<ExportFormat> {

		@Override
		public ExportFormat convert(String value) {
			return ExportFormat.of(value)
				.orElseThrow(() -> new TypeConversionException("“" + value + "”不是导出格式，请写 csv 或 xlsx"));
		}

	}

}
