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

import cn.zibo.livelihood.report.progress.ProgressReport;
import cn.zibo.livelihood.report.progress.ProgressReport.IndicatorRow;
import cn.zibo.livelihood.report.progress.ProgressReports;
import cn.zibo.livelihood.validate.Period;

/**
 * Writes the consolidated progress workbook (进展情况汇总表) of a period from the reporting views. The
 * period and file name are checked while parsing, so a mistyped one starts nothing (exit 2).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Write the consolidated progress workbook (进展情况汇总表) of a period, in Chinese: overview with chart "
				+ "(总览), indicators (指标进度), task progress (任务进展), discrepancies (数据核对), department completeness "
				+ "(报送情况) and files received (报送文件), from the reporting views.")
class ReportCommand implements SpringTask {

	@Spec
	CommandSpec spec;

	@Option(names = "--period", required = true, paramLabel = "P", converter = TemplateCommand.PeriodConverter.class,
			description = "the reporting period (报告期), e.g. 2024Q3, 2024年第三季度, 2024-07, 2024H1, 2024; "
					+ "figures are those known at its end")
	Period period;

	Path file;

	@Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "where to write the workbook")
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
		out.printf("Progress report (进展情况汇总表) for %s, figures as at %s:%n", period.code(), period.end());
		out.printf("  indicators (指标进度): %d: %d achieved (已完成), %d on track (序时推进), %d behind (滞后), %d no data (无数据)%n",
				report.indicators().size(), count.apply("achieved"), count.apply("on_track"), count.apply("behind"),
				count.apply("no_data"));
		out.printf("  tasks (任务进展): %d, %d with a reported status%n", report.tasks().size(),
				report.statuses().stream().map(s -> s.taskNo()).distinct().count());
		out.printf("  discrepancies (数据核对): %d open, %d closed%n", findings.getOrDefault("open", 0L),
				findings.getOrDefault("closed", 0L));
		out.printf("  completeness (报送情况): %d department rows; files (报送文件): %d%n", report.completeness().size(),
				report.submissions().size());
		out.printf("  written to %s (views read in %.1f s, workbook written in %.1f s)%n", file.toAbsolutePath(),
				(read - started) / 1e9, (written - read) / 1e9);
		return 0;
	}

}
