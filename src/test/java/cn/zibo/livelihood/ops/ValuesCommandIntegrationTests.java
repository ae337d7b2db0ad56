package cn.zibo.livelihood.ops;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.PipelineApplication;
import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code values --format csv|xlsx --out FILE}: the figures written as {@code serve} exports them.
 * Period 2074Q1 belongs to this class.
 */
@PipelineIntegrationTest
class ValuesCommandIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	IngestFixture fixture;

	@TempDir
	Path dir;

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@Test
	void theFiguresOfAPeriodAreWrittenAsCsvAndAsXlsx() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "values_2074Q1.csv", "指标编码,区县,报告期,数值\nT002-01,全市,2074Q1,21\nT002-01,张店区,2074Q1,6\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		Path csv = dir.resolve("figures.csv");
		Path xlsx = dir.resolve("out/figures.xlsx");

		int csvStatus = run("--format", "csv", "--out", csv.toString(), "--period", "2074年第一季度");
		int xlsxStatus = run("--out", xlsx.toString(), "--period", "2074Q1", "--district", "张店区");

		assertThat(csvStatus).as(err.toString()).isZero();
		assertThat(xlsxStatus).as(err.toString()).isZero();
		assertThat(out.toString()).contains("已写出2个数值：" + csv.toAbsolutePath(), "已写出1个数值：" + xlsx.toAbsolutePath());
		byte[] bytes = Files.readAllBytes(csv);
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1).lines()).hasSize(3)
			.first()
			.asString()
			.startsWith("指标编码,任务编号,区县代码,区县,报告期,报告期代码,");
		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(",2074年第一季度,2074Q1,2074-03-31,21,处,市教育局,");
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("指标数值");
			Row row = sheet.getRow(1);
			assertThat(sheet.getLastRowNum()).isOne();
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("T002-01");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("张店区");
			assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(6.0);
		}
		assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void aCitySummedFromItsDistrictsIsListedWithoutASubmissionNumber() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "values_2074Q2.csv", "指标编码,区县,报告期,数值\nT002-01,张店区,2074Q2,6\nT002-01,淄川区,2074Q2,4\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		long id = fixture.submissionId("values_2074Q2.csv");

		int status = run("--period", "2074Q2");

		assertThat(status).as(err.toString()).isZero();
		assertThat(out.toString().lines().map(line -> List.of(line.trim().split("\\s+"))))
			.contains(List.of("2074年第二季度", "T002-01", "新改扩建公办幼儿园", "全市", "10", "处", "市教育局", "是"),
					List.of("2074年第二季度", "T002-01", "新改扩建公办幼儿园", "张店区", "6", "处", "市教育局", String.valueOf(id)));
	}

	@Test
	void aFormatOrFilterThatCannotBeWrittenIsAUsageError() throws Exception {
		int mismatch = run("--format", "xlsx", "--out", dir.resolve("v.csv").toString());
		int noFile = run("--format", "csv");
		int unknownDistrict = run("--out", dir.resolve("v.csv").toString(), "--district", "火星区");
		int filterWithoutFile = run("--task", "2");
		int badFormat = CommandLineLauncher.run(PipelineApplication.class, new PrintWriter(out), new PrintWriter(err, true),
				"values", "--format", "pdf", "--out", "v.pdf");
		int badFile = CommandLineLauncher.run(PipelineApplication.class, new PrintWriter(out), new PrintWriter(err, true),
				"values", "--out", "v.txt");

		assertThat(new int[] { mismatch, noFile, unknownDistrict, filterWithoutFile, badFormat, badFile }).containsOnly(2);
		assertThat(err.toString()).contains("--format xlsx 写出 .xlsx 文件，而 --out 为", "--format 需要同时用 --out 指定 .csv 文件",
				"区县 (district) '火星区' 不在目录中", "--task 和 --district 用于筛选导出的数据",
				"“pdf”不是导出格式", "--out 须为 .csv 或 .xlsx 文件");
		assertThat(dir).isEmptyDirectory();
	}

	private int run(String... args) throws Exception {
		ValuesCommand command = new ValuesCommand();
		CommandLine cli = new CommandLine(command);
		cli.setErr(new PrintWriter(err, true));
		cli.parseArgs(args);
		return command.run(context, new PrintWriter(out, true));
	}

}
