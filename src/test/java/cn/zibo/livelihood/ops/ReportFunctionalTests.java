package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough through the packaged jar, as issue 4's "done when" asks: load the
 * catalogue, drop every example file into its department's folder, {@code ingest --once},
 * {@code reconcile}, {@code report --period 2024Q3 --out progress.xlsx}; the workbook holds what the
 * reporting views hold.
 */
class ReportFunctionalTests {

	static final Path EXAMPLES = Path.of("src/test/resources/examples");

	@Test
	void theExamplesIngestedAndReconciledGiveAProgressWorkbookWhoseOverviewIsTheCampaignView() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			JarRunner jar = JarRunner.withCatalogue(postgres, "report-");
			Path workDir = jar.workDir();
			int files = dropExamples(workDir);
			JarRunner.Result ingest = jar.run("ingest", "--once");
			assertThat(ingest.status()).as(ingest.err()).isZero();
			assertThat(ingest.out().lines().filter(l -> l.matches(".*\\s已入库\\s+\\d+.*")).count()).as(ingest.out()).isEqualTo(files);
			assertThat(jar.run("reconcile").status()).isZero();

			JarRunner.Result report = jar.run("report", "--period", "2024Q3", "--out", "progress.xlsx");

			assertThat(report.status()).as(report.err()).isZero();
			assertThat(report.out()).contains("进展情况汇总表（2024年第三季度，数据截至2024-09-30）",
					"数据核对：待核实4个，已解决0个", "已写出：" + workDir.resolve("progress.xlsx"));
			JdbcClient sql = JdbcClient.create(postgres.getPostgresDatabase());
			try (InputStream in = Files.newInputStream(workDir.resolve("progress.xlsx"));
					XSSFWorkbook workbook = new XSSFWorkbook(in)) {
				assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("总览");
				assertThat(overview(workbook.getSheet("总览"))).as("the examples end in 2024Q3: the campaign view itself")
					.isEqualTo(sql.sql("""
							SELECT campaign_no, indicators, achieved, on_track, behind, no_data, average_completion
							FROM reporting.campaign_progress ORDER BY campaign_no""")
						.query((rs, n) -> List.of(String.valueOf(rs.getLong(2)), String.valueOf(rs.getLong(3)),
								String.valueOf(rs.getLong(4)), String.valueOf(rs.getLong(5)), String.valueOf(rs.getLong(6)),
								rs.getBigDecimal(7).stripTrailingZeros().toPlainString()))
						.list());
				Cell remark = row(workbook.getSheet("指标进度"), "T059-01").getCell(14);
				assertThat(remark.getCellType()).isEqualTo(CellType.STRING);
				assertThat(remark.getStringCellValue()).isEqualTo("=3650+2070(城区+农村)，核减重复统计140张");
				assertThat(workbook.getSheet("数据核对").getLastRowNum()).as("four findings below the header").isEqualTo(6);
			}

			JarRunner.Result badPeriod = jar.run("report", "--period", "2024Q5", "--out", "p.xlsx");
			assertThat(badPeriod.status()).isEqualTo(2);
			assertThat(badPeriod.err()).contains("“2024Q5”不是报告期");
		}
	}

	/** As the README's one-liner does: the department is the file name up to its first underscore. */
	private static int dropExamples(Path workDir) throws IOException {
		List<Path> examples;
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			examples = files.filter(f -> f.toString().endsWith(".csv")).toList();
		}
		for (Path example : examples) {
			String name = example.getFileName().toString();
			Path folder = Files.createDirectories(workDir.resolve("inbox").resolve(name.substring(0, name.indexOf('_'))));
			Files.copy(example, folder.resolve(name));
		}
		assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
		return examples.size();
	}

	/** Per campaign: 指标数, 已完成, 序时推进, 滞后, 无数据, 平均完成率. */
	private static List<List<String>> overview(Sheet sheet) {
		List<List<String>> rows = new ArrayList<>();
		for (int r = 5; r < 10; r++) {
			List<String> cells = new ArrayList<>();
			for (int col = 3; col <= 8; col++) {
				cells.add(new BigDecimal(String.valueOf(sheet.getRow(r).getCell(col).getNumericCellValue()))
					.stripTrailingZeros()
					.toPlainString());
			}
			rows.add(cells);
		}
		return rows;
	}

	private static Row row(Sheet sheet, String indicator) {
		for (Row row : sheet) {
			Cell code = row.getCell(2);
			if (code != null && code.getCellType() == CellType.STRING && indicator.equals(code.getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row for " + indicator);
	}

}
