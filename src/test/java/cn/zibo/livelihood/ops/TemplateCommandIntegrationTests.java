package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.PipelineApplication;
import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.catalogue.CatalogueLoader;
import cn.zibo.livelihood.report.template.TemplateMetadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code template} as the launcher runs it: parsed by picocli, then run against the application.
 * Usage errors exit 2; those found while parsing (period, file name) start nothing at all.
 */
@PipelineIntegrationTest
class TemplateCommandIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	CatalogueLoader catalogue;

	@TempDir
	Path dir;

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@BeforeEach
	void loadedCatalogue() {
		catalogue.load(Path.of("seeds"));
	}

	@Test
	void aDepartmentGivenByItsAliasGetsItsTemplateAndIsToldWhereToDropIt() throws Exception {
		Path file = dir.resolve("out/人社局.xlsx");

		int status = run("--department", "市人社局", "--period", "2024年第三季度", "--out", file.toString());

		assertThat(status).as(err.toString()).isZero();
		assertThat(out.toString()).contains("填报模板：市人力资源社会保障局（hrss），2024年第三季度",
				"inbox/市人力资源社会保障局/");
		assertThat(TemplateMetadata.read(file)).hasValueSatisfying(m -> assertThat(m.departmentCode()).isEqualTo("hrss"));
		assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void anUnknownDepartmentIsAUsageErrorAndWritesNothing() throws Exception {
		int status = run("--department", "市不存在局", "--period", "2024Q3", "--out", dir.resolve("t.xlsx").toString());

		assertThat(status).isEqualTo(2);
		assertThat(err.toString()).contains("无法识别部门“市不存在局”", "--department=D");
		assertThat(dir.resolve("t.xlsx")).doesNotExist();
	}

	@Test
	void aGroupLeadIsAUsageError() throws Exception {
		int status = run("--department", "grp-edu-leading", "--period", "2024Q3", "--out", dir.resolve("t.xlsx").toString());

		assertThat(status).isEqualTo(2);
		assertThat(err.toString()).contains("是成员单位的集合，没有自己的收件文件夹");
		assertThat(dir.resolve("t.xlsx")).doesNotExist();
	}

	@Test
	void anUnreadablePeriodOrANonXlsxFileIsRefusedBeforeAnythingStarts() {
		int badPeriod = CommandLineLauncher.run(PipelineApplication.class, new PrintWriter(out), new PrintWriter(err, true),
				"template", "--department", "edu", "--period", "三季度", "--out", "t.xlsx");
		int badFile = CommandLineLauncher.run(PipelineApplication.class, new PrintWriter(out), new PrintWriter(err, true),
				"template", "--department", "edu", "--period", "2024Q3", "--out", "t.csv");

		assertThat(badPeriod).isEqualTo(2);
		assertThat(badFile).isEqualTo(2);
		assertThat(err.toString()).contains("“三季度”不是报告期", "--out 须为 .xlsx 文件");
	}

	private int run(String... args) throws Exception {
		TemplateCommand command = new TemplateCommand();
		CommandLine cli = new CommandLine(command);
		cli.setErr(new PrintWriter(err, true));
		cli.parseArgs(args);
		return command.run(context, new PrintWriter(out, true));
	}

}
