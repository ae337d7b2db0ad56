package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.report.template.Template;
import cn.zibo.livelihood.report.template.Templates;
import cn.zibo.livelihood.validate.Period;

/**
 * Writes one department's fill-in template (填报模板) for a period. The period and file name are
 * checked while parsing, before anything starts; the department needs the catalogue, so it is
 * checked once the application runs, and an unknown one is still a usage error (exit 2).
 */
@Command(name = "template", mixinStandardHelpOptions = true,
		description = "写出一个部门某一报告期的填报模板（.xlsx）。")
class TemplateCommand implements SpringTask {

	@Spec
	CommandSpec spec;

	@Option(names = "--department", required = true, paramLabel = "D",
			description = "部门：名称、别名或代码（见 catalogue show）")
	String department;

	@Option(names = "--period", required = true, paramLabel = "P", converter = PeriodConverter.class,
			description = "报告期，如 2024Q3、2024年第三季度、2024-07、2024H1、2024")
	Period period;

	Path file;

	@Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "写到哪个文件")
	void out(Path out) {
		this.file = xlsx(spec, out);
	}

	/** An --out that is not an .xlsx file is a usage error, found while parsing. */
	static Path xlsx(CommandSpec spec, Path out) {
		if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			throw new ParameterException(spec.commandLine(), "--out 须为 .xlsx 文件，现为“" + out + "”");
		}
		return out;
	}

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		Templates templates = context.getBean(Templates.class);
		Optional<Department> found = templates.department(department);
		if (found.isEmpty()) {
			return usage("无法识别部门“" + department + "”。请写部门名称、别名或代码（见 catalogue show）。");
		}
		Department d = found.get();
		if (d.group()) {
			return usage(d.name() + "（" + d.code() + "）是成员单位的集合，没有自己的收件文件夹，因此没有填报模板；"
					+ "请由各成员单位通过本部门的文件夹报送。");
		}
		Template template = templates.write(d, period, file);
		long districtRows = template.rows().size() - template.indicatorCount();
		out.printf("填报模板：%s（%s），%s，目录第%d版%n", d.name(), d.code(), Places.period(period.code()),
				template.catalogueVersion());
		out.printf("  共%d行：%d项任务的%d个指标，另有可按区县相加的指标的%d个区县行%n", template.rows().size(), template.taskCount(),
				template.indicatorCount(), districtRows);
		out.println("  已写出：" + file.toAbsolutePath());
		out.println("请填写黄色的“数值”和“备注”单元格，然后把文件放入 inbox/" + d.name() + "/。");
		return 0;
	}

	private int usage(String message) {
		PrintWriter err = spec.commandLine().getErr();
		err.println(message);
		spec.commandLine().usage(err);
		return CommandLineLauncher.USAGE;
	}

	/** A period as CONTRACT.md section 4 writes it; anything else is a usage error. */
	static final class PeriodConverter implements ITypeConverter<Period> {

		@Override
		public Period convert(String value) {
			return Period.parse(value)
				.orElseThrow(() -> new TypeConversionException("“" + value
						+ "”不是报告期。请写成2024Q3、2024年第三季度、2024-07、2024年7月、2024H1或2024等形式"));
		}

	}

}
