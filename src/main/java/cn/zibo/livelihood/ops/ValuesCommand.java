package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
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
		description = "List current figures (reporting.indicator_value), optionally for one period, task, district or "
				+ "indicator; or write them to --out as CSV (UTF-8 with BOM) or XLSX with Chinese headers.")
class ValuesCommand implements SpringTask {

	@Spec
	CommandSpec spec;

	@Option(names = "--format", paramLabel = "csv|xlsx", converter = FormatConverter.class,
			description = "write every matching figure to --out in this format (default: --out's extension)")
	ExportFormat format;

	Path file;

	@Option(names = "--out", paramLabel = "FILE", description = "the .csv or .xlsx file to write")
	void out(Path out) {
		String name = out.getFileName().toString();
		if (ExportFormat.of(name.substring(name.lastIndexOf('.') + 1)).isEmpty()) {
			throw new ParameterException(spec.commandLine(), "--out must name a .csv or .xlsx file; was '" + out + "'");
		}
		this.file = out;
	}

	@Option(names = "--task", paramLabel = "N", description = "only this task, 1..113")
	Integer task;

	@Option(names = "--district", paramLabel = "D", description = "only this district: its code, name or short name")
	String district;

	@Option(names = "--period", paramLabel = "P", description = "only this period (2024Q3, 2024-07 …)")
	String period;

	@Option(names = "--indicator", paramLabel = "CODE", description = "only this indicator, e.g. T002-01")
	String indicator;

	@Option(names = "--limit", defaultValue = "200", description = "at most this many rows (default ${DEFAULT-VALUE})")
	int limit;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws IOException {
		if (format != null || file != null) {
			return export(context, out);
		}
		if (task != null || district != null) {
			return usage("--task and --district choose the figures of an export: give --out FILE.csv or FILE.xlsx too");
		}
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

	private int export(ConfigurableApplicationContext context, PrintWriter out) throws IOException {
		if (file == null) {
			return usage("--format needs --out FILE." + format.extension());
		}
		String extension = file.getFileName().toString().replaceFirst("^.*\\.", "");
		ExportFormat as = format != null ? format : ExportFormat.of(extension).orElseThrow();
		if (!as.extension().equalsIgnoreCase(extension)) {
			return usage("--format " + as.extension() + " writes a ." + as.extension() + " file; --out was '" + file + "'");
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
		out.printf("Wrote %d figures (指标数值) to %s%n", rows[0], file.toAbsolutePath());
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
				.orElseThrow(() -> new TypeConversionException("'" + value + "' is no export format; write csv or xlsx"));
		}

	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
