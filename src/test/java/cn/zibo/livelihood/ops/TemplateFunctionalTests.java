package cn.zibo.livelihood.ops;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's template walkthrough through the packaged jar: generate 市教育局's template, fill
 * three cells as a clerk would, drop it in the inbox, {@code ingest --once}. (Usage errors are
 * covered without the jar by {@code TemplateCommandIntegrationTests}: every jar run costs a start.)
 */
class TemplateFunctionalTests {

	@Test
	void aTemplateFromTheCommandLineFilledAndDroppedInTheInboxLoads() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			JarRunner jar = JarRunner.withCatalogue(postgres, "template-");
			Path workDir = jar.workDir();

			JarRunner.Result template = jar.run("template", "--department", "市教育局", "--period", "2024Q3", "--out",
					"templates/市教育局_2024Q3.xlsx");

			assertThat(template.status()).as(template.err()).isZero();
			assertThat(template.out()).contains("填报模板：市教育局（edu），2024年第三季度", "inbox/市教育局/");

			Path inbox = Files.createDirectories(workDir.resolve("inbox/市教育局"));
			fill(workDir.resolve("templates/市教育局_2024Q3.xlsx"), inbox.resolve("市教育局_2024Q3.xlsx"));
			JarRunner.Result ingest = jar.run("ingest", "--once");

			assertThat(ingest.status()).as(ingest.err()).isZero();
			assertThat(ingest.out()).containsPattern("已入库\\s+3\\s+3\\s+0\\s+市教育局_2024Q3.xlsx");
			JdbcClient sql = JdbcClient.create(postgres.getPostgresDatabase());
			assertThat(sql.sql("SELECT indicator_code || ' ' || district_name || ' = ' || trim_scale(value) FROM reporting.indicator_value"
					+ " ORDER BY 1").query(String.class).list()).containsExactly("T002-01 张店区 = 21", "T002-01 淄博市 = 86");
			assertThat(sql.sql("SELECT task_no || ' ' || status || ' ' || narrative FROM reporting.task_status").query(String.class).list())
				.containsExactly("2 in_progress 已开工12处");
		}
	}

	/** 86 for the city and 21 for 张店区 on T002-01, 推进中 on T002-00; everything else left blank. */
	private static void fill(Path template, Path dropped) throws Exception {
		try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("填报");
			for (Row row : sheet) {
				String key = row.getRowNum() < 3 ? "" : row.getCell(1).getStringCellValue() + " " + row.getCell(3).getStringCellValue();
				switch (key) {
					case "T002-01 全市" -> row.getCell(5).setCellValue(86);
					case "T002-01 张店区" -> row.getCell(5).setCellValue(21);
					case "T002-00 全市" -> {
						row.getCell(5).setCellValue("推进中");
						row.getCell(7).setCellValue("已开工12处");
					}
					default -> {
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(dropped)) {
				workbook.write(out);
			}
		}
	}

}
