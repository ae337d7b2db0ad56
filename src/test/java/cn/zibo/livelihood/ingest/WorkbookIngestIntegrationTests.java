package cn.zibo.livelihood.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Excel files as departments make them: instructions sheet first, title rows, merged cells, formats. */
@PipelineIntegrationTest
class WorkbookIngestIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void theDataSheetIsTheOneWhoseHeaderMatchesBelowItsTitleRows() throws Exception {
		fixture.drop("市教育局", "教育局报表.xlsx", workbook(new XSSFWorkbook(), wb -> {
			Sheet help = wb.createSheet("填报说明");
			help.createRow(0).createCell(0).setCellValue("请在“数据”工作表中填写,数值请填阿拉伯数字。");
			Sheet data = wb.createSheet("数据");
			data.createRow(0).createCell(0).setCellValue("淄博市教育局2022年上半年民生重点任务进展填报表");
			data.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
			data.createRow(1).createCell(0).setCellValue("填报单位:市教育局");
			row(data, 2, "任务编号", "指标编码", "区县", "完成值");
			row(data, 3, "3", "T003-03", "张店区", null).createCell(3).setCellValue(12000);
			row(data, 4, "3", "T003-01", "张店区", null).createCell(3).setCellValue(3);
		}));

		fixture.ingest();

		long id = fixture.submissionId("教育局报表.xlsx");
		assertThat(fixture.submission("教育局报表.xlsx")).as(fixture.messages(id).toString()).containsEntry("status", "loaded");
		assertThat(fixture.values(id)).containsExactly("T003-01 370303 2022H1 = 3", "T003-03 370303 2022H1 = 12000");
		assertThat(fixture.jdbc().sql("SELECT sheet || '!' || row_no FROM warehouse.fact WHERE submission_id = ? ORDER BY row_no")
			.param(id)
			.query(String.class)
			.list()).as("lineage: sheet and row as Excel shows them").containsExactly("数据!4", "数据!5");
	}

	@Test
	void aPercentFormattedCellHoldingAFractionMeansThatPercentAndFormulasCountByTheirCachedValue() throws Exception {
		fixture.drop("市教育局", "占比_2022Q2.xlsx", workbook(new XSSFWorkbook(), wb -> {
			Sheet data = wb.createSheet("Sheet1");
			CellStyle percent = wb.createCellStyle();
			percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
			row(data, 0, "指标编码", "数值");
			Row share = row(data, 1, "T002-03", null);
			share.createCell(1).setCellValue(0.655);
			share.getCell(1).setCellStyle(percent);
			Row sum = row(data, 2, "T002-01", null);
			sum.createCell(1).setCellFormula("40+7");
			wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
		}));

		fixture.ingest();

		long id = fixture.submissionId("占比_2022Q2.xlsx");
		assertThat(fixture.values(id)).as(fixture.messages(id).toString())
			.containsExactly("T002-01 370300 2022Q2 = 47", "T002-03 370300 2022Q2 = 65.5");
	}

	@Test
	void aTaskAndDistrictMergedOverSeveralRowsBelongToEveryRowTheySpan() throws Exception {
		fixture.drop("市民政局", "民政_2022Q3.xls", workbook(new HSSFWorkbook(), wb -> {
			Sheet data = wb.createSheet("民政");
			row(data, 0, "区县", "指标编码", "数值");
			row(data, 1, "张店区", "T059-01", "100");
			row(data, 2, null, "T062-01", "20");
			row(data, 3, "淄川区", "T059-01", "80");
			row(data, 4, null, "T062-01", "15");
			data.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
			data.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
		}));

		fixture.ingest();

		long id = fixture.submissionId("民政_2022Q3.xls");
		assertThat(fixture.values(id)).as(fixture.messages(id).toString())
			.containsExactly("T059-01 370302 2022Q3 = 80", "T059-01 370303 2022Q3 = 100", "T062-01 370302 2022Q3 = 15",
					"T062-01 370303 2022Q3 = 20");
	}

	@Test
	void theShippedExamplesLoadCleanly() throws Exception {
		Path examples = Path.of("src/test/resources/examples");
		try (var files = Files.list(examples)) {
			for (Path example : files.toList()) {
				String department = example.getFileName().toString().split("_")[0];
				fixture.drop(department, example.getFileName().toString(), Files.readAllBytes(example));
			}
		}

		fixture.ingest();

		try (var files = Files.list(examples)) {
			for (Path example : files.toList()) {
				String name = example.getFileName().toString();
				long id = fixture.submissionId(name);
				assertThat(fixture.submission(name)).as(name + ": " + fixture.messages(id))
					.containsEntry("status", "loaded")
					.containsEntry("rows_rejected", 0);
			}
		}
	}

	@Test
	void aCsvSavedUnderAnXlsxNameIsRejectedWithAClearMessage() throws Exception {
		String before = fixture.warehouseState();
		fixture.drop("市教育局", "假表格.xlsx", "指标编码,数值\nT002-01,5\n", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("假表格.xlsx");
		assertThat(fixture.submission("假表格.xlsx")).containsEntry("status", "rejected");
		assertThat(fixture.errors(id)).containsExactly("- - wrong_extension");
		assertThat(fixture.messages(id).get(0)).contains("xlsx");
		assertThat(fixture.warehouseState()).isEqualTo(before);
	}

	private interface Filler {

		void fill(Workbook workbook) throws Exception;

	}

	private static byte[] workbook(Workbook workbook, Filler filler) throws Exception {
		try (workbook) {
			filler.fill(workbook);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static Row row(Sheet sheet, int index, String... values) throws IOException {
		Row row = sheet.createRow(index);
		for (int col = 0; col < values.length; col++) {
			if (values[col] != null) {
				row.createCell(col).setCellValue(values[col]);
			}
		}
		return row;
	}

}
