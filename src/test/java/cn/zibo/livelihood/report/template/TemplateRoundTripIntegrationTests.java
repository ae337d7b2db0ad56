package cn.zibo.livelihood.report.template;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.validate.Status;

import static cn.zibo.livelihood.report.template.TemplateWorkbookIntegrationTests.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template round trip: generate 市发展改革委's template (a department
 * whose tasks no reconciliation test uses, since those read whole indicators), fill it as a clerk would (numbers within the
 * validation, a status word and narrative on progress rows, some cells left blank), drop it in the
 * inbox and run the real ingest with nothing but the default mapping.
 */
@PipelineIntegrationTest
class TemplateRoundTripIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	Templates templates;

	@Autowired
	CurrentCatalogue current;

	@TempDir
	Path dir;

	@Test
	void aFilledTemplateDroppedInTheInboxLoadsWholeWithTheDefaultMappingAndEveryValueLands() throws Exception {
		fixture.reset();
		Catalogue catalogue = current.get().catalogue();
		Path template = dir.resolve("template.xlsx");
		templates.write(templates.department("drc").orElseThrow(), Period.quarter(2024, 2), template);
		List<String> values = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		byte[] filled;
		try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			XSSFSheet data = workbook.getSheet(TemplateSheet.NAME);
			for (Row row : TemplateWorkbookIntegrationTests.dataRows(data)) {
				int r = row.getRowNum();
				String code = text(row, 1);
				String district = catalogue.district(text(row, 3)).orElseThrow().code();
				if (code.endsWith("-00")) {
					Status status = Status.values()[r % Status.values().length];
					row.getCell(TemplateSheet.VALUE).setCellValue(status.chinese());
					row.getCell(TemplateSheet.REMARK).setCellValue("第" + r + "行的进展说明");
					statuses.add(Integer.parseInt(text(row, 0)) + " " + status.code() + " 第" + r + "行的进展说明");
				}
				else if (r % 5 != 0) {
					// within the validation: 0–100 for %, not below zero otherwise, some with decimals
					BigDecimal value = switch (text(row, 6)) {
						case "%" -> new BigDecimal(r % 100).add(new BigDecimal("0.5"));
						case "百分点" -> new BigDecimal("1.5");
						default -> new BigDecimal(r * 7);
					};
					row.getCell(TemplateSheet.VALUE).setCellValue(value.doubleValue());
					values.add(code + " " + district + " 2024Q2 = " + value.stripTrailingZeros().toPlainString());
				}
			}
			// the signature block under the table, filled as a clerk fills it
			int block = TemplateWorkbookIntegrationTests.dataRows(data).size() + TemplateSheet.HEADER_ROW + 2;
			assertThat(text(data.getRow(block), 0)).isEqualTo("填报单位（盖章）：");
			data.getRow(block).getCell(5).setCellValue("张三");
			data.getRow(block).getCell(7).setCellValue("0533-3182345");
			data.getRow(block + 1).getCell(2).setCellValue("李四");
			data.getRow(block + 1).getCell(5).setCellValue("2024年7月5日");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			filled = out.toByteArray();
		}
		fixture.drop("市发展改革委", "市发展改革委_2024年第二季度_填报.xlsx", filled);

		fixture.ingest();

		long id = fixture.submissionId("市发展改革委_2024年第二季度_填报.xlsx");
		assertThat(fixture.submission("市发展改革委_2024年第二季度_填报.xlsx")).as(fixture.messages(id).toString())
			.containsEntry("status", "loaded")
			.containsEntry("rows_rejected", 0)
			.containsEntry("rows_loaded", values.size() + statuses.size());
		assertThat(values).hasSizeGreaterThan(10);
		assertThat(fixture.values(id)).containsExactlyInAnyOrderElementsOf(values);
		assertThat(fixture.jdbc()
			.sql("SELECT task_no || ' ' || status || ' ' || narrative FROM reporting.task_status WHERE submission_id = ? AND period = '2024Q2'")
			.param(id)
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(statuses);
	}

}
