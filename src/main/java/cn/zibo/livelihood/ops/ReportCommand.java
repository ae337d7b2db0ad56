package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.report.progress.ProgressReport.IndicatorRow;
import cn.zibo.livelihood.report.progress.ProgressReport;
import cn.zibo.livelihood.report.progress.ProgressReports;
import cn.zibo.livelihood.validate.Period;

/**
 * Writes the consolidated progress workbook (进展情况汇总表) of a period from the reporting views. The
 * period and file name are checked while parsing, so a mistyped one starts nothing (exit 2).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = "写出一个报告期的进展情况汇总表（.xlsx）。")
class ReportCommand implements SpringTask {

	@Spec
	CommandSpec spec;

	@Option(names = "--period", required = true, paramLabel = "P", converter = TemplateCommand.PeriodConverter.class,
			description = "报告期，如 2024Q3、2024年第三季度、2024-07、2024H1、2024；数据以该期末所知为准")
	Period period;

	Path file;

	@Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "写到哪个文件")
	void out(Path out) {
		this.file = TemplateCommand.xlsx(spec, out);
	}

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		ProgressReports reports = context.getBean(ProgressReports.class);
		long started = System.nanoTime();
		ProgressReport report = reports.read(period);
		long read = System.nanoTime();
		reports.write(report, file);
		long written = System.nanoTime();
		Map<String, Long> byStatus = report.indicators()
			.stream()
			.collect(Collectors.groupingBy(IndicatorRow::status, Collectors.counting()));
		Map<String, Long> findings = report.discrepancies()
			.stream()
			.collect(Collectors.groupingBy(d -> d.status(), Collectors.counting()));
		Function<String, Long> count = status -> byStatus.getOrDefault(status, 0L);
		out.printf("进展情况汇总表（%s，数据截至%s）：%n", Places.period(period.code()), period.end());
		out.printf("  指标进度：%d项，已完成%d项，序时推进%d项，滞后%d项，无数据%d项%n", report.indicators().size(),
				count.apply("achieved"), count.apply("on_track"), count.apply("behind"), count.apply("no_data"));
		out.printf("  任务进展：%d项，其中%d项已报送进展%n", report.tasks().size(),
				report.statuses().stream().map(s -> s.taskNo()).distinct().count());
		out.printf("  数据核对：待核实%d个，已解决%d个%n", findings.getOrDefault("open", 0L), findings.getOrDefault("closed", 0L));
		out.printf("  报送情况：%d行；报送文件：%d个%n", report.completeness().size(), report.submissions().size());
		out.printf("  已写出：%s（读取视图%.1f秒，写出工作簿%.1f秒）%n", file.toAbsolutePath(), (read - started) / 1e9,
				(written - read) / 1e9);
		return 0;
	}

}
