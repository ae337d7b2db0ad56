package cn.zibo.livelihood.ingest.read;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same scenarios for .xlsx and .xls, written with POI's usermodel, read back as text. */
class WorkbookReadingTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void sheetsAreListedInWorkbookOrder(String format) throws Exception {
		Workbook workbook = create(format);
		workbook.createSheet("填报说明");
		workbook.createSheet("数据");
		workbook.createSheet("Sheet3");

		try (TabularFile table = TabularFiles.open(Fixtures.workbook(dir, "a." + format, workbook))) {
			assertThat(table.sheetNames()).containsExactly("填报说明", "数据", "Sheet3");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void hiddenAndVeryHiddenSheetsAreListedAndSaidToBeHidden(String format) throws Exception {
		Workbook workbook = create(format);
		workbook.createSheet("数据");
		workbook.createSheet("旧数据");
		workbook.createSheet("代码表");
		workbook.setSheetHidden(1, true);
		workbook.setSheetVisibility(2, org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN);

		try (TabularFile table = TabularFiles.open(Fixtures.workbook(dir, "a." + format, workbook))) {
			assertThat(table.sheetNames()).containsExactly("数据", "旧数据", "代码表");
			assertThat(table.sheetNames().stream().filter(table::hidden)).containsExactly("旧数据", "代码表");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void aTitleRowAboveTheHeaderKeepsExcelsRowNumbers(String format) throws Exception {
		Workbook workbook = create(format);
		Sheet sheet = workbook.createSheet("数据");
		sheet.createRow(0).createCell(0).setCellValue("淄博市教育局2024年第三季度民生重点任务进展填报表");
		Row header = sheet.createRow(2);
		header.createCell(0).setCellValue("任务编号");
		header.createCell(1).setCellValue("数值");
		sheet.createRow(3).createCell(3).setCellValue("只在D列");

		assertThat(Fixtures.rows(Fixtures.workbook(dir, "a." + format, workbook))).containsExactly(
				new SheetRow("数据", 1, List.of("淄博市教育局2024年第三季度民生重点任务进展填报表")),
				new SheetRow("数据", 3, List.of("任务编号", "数值")), new SheetRow("数据", 4, List.of("", "", "", "只在D列")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void numbersKeepTheirStoredValueWhateverTheDisplayFormat(String format) throws Exception {
		Workbook workbook = create(format);
		Row row = workbook.createSheet("数据").createRow(0);
		row.createCell(0).setCellValue(2100000000);
		row.createCell(1).setCellValue(3.8);
		row.getCell(1).setCellStyle(style(workbook, "0"));
		row.createCell(2).setCellValue(16300.0);
		row.getCell(2).setCellStyle(style(workbook, "#,##0.00"));
		row.createCell(3).setCellValue(0.0000001);

		assertThat(Fixtures.cells(Fixtures.workbook(dir, "a." + format, workbook)))
			.containsExactly(List.of("2100000000", "3.8", "16300", "0.0000001"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void percentFormattedNumbersReadAsPercent(String format) throws Exception {
		Workbook workbook = create(format);
		Row row = workbook.createSheet("数据").createRow(0);
		row.createCell(0).setCellValue(0.65);
		row.getCell(0).setCellStyle(style(workbook, "0%"));
		row.createCell(1).setCellValue(0.125);
		row.getCell(1).setCellStyle(style(workbook, "0.0%"));

		assertThat(Fixtures.cells(Fixtures.workbook(dir, "a." + format, workbook))).containsExactly(List.of("65%", "12.5%"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void dateFormattedNumbersReadAsIsoDates(String format) throws Exception {
		Workbook workbook = create(format);
		Row row = workbook.createSheet("数据").createRow(0);
		row.createCell(0).setCellValue(LocalDateTime.of(2024, 9, 30, 0, 0));
		row.getCell(0).setCellStyle(style(workbook, "yyyy\"年\"m\"月\"d\"日\""));
		row.createCell(1).setCellValue(LocalDateTime.of(2024, 9, 30, 14, 30));
		row.getCell(1).setCellStyle(style(workbook, "yyyy-mm-dd hh:mm"));

		assertThat(Fixtures.cells(Fixtures.workbook(dir, "a." + format, workbook)))
			.containsExactly(List.of("2024-09-30", "2024-09-30 14:30:00"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void formulaCellsReadAsTheirCachedResults(String format) throws Exception {
		Workbook workbook = create(format);
		Row row = workbook.createSheet("数据").createRow(0);
		row.createCell(0).setCellValue(0.3);
		row.createCell(1).setCellFormula("A1*100");
		row.createCell(2).setCellFormula("A1/2");
		row.getCell(2).setCellStyle(style(workbook, "0%"));
		row.createCell(3).setCellFormula("\"已\"&\"完成\"");
		row.createCell(4).setCellFormula("1/0");
		workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();

		assertThat(Fixtures.cells(Fixtures.workbook(dir, "a." + format, workbook)))
			.containsExactly(List.of("0.3", "30", "15%", "已完成", "#DIV/0!"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void booleansAndErrorsReadAsExcelWritesThem(String format) throws Exception {
		Workbook workbook = create(format);
		Row row = workbook.createSheet("数据").createRow(0);
		row.createCell(0).setCellValue(true);
		row.createCell(1).setCellValue(false);
		row.createCell(2).setCellErrorValue(FormulaError.NA.getCode());

		assertThat(Fixtures.cells(Fixtures.workbook(dir, "a." + format, workbook))).containsExactly(List.of("TRUE", "FALSE", "#N/A"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void mergedRangesAreReportedWithExcelRowNumbers(String format) throws Exception {
		Workbook workbook = create(format);
		Sheet sheet = workbook.createSheet("数据");
		sheet.createRow(0).createCell(0).setCellValue("标题");
		sheet.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
		sheet.addMergedRegion(CellRangeAddress.valueOf("B3:B4"));

		try (TabularFile table = TabularFiles.open(Fixtures.workbook(dir, "a." + format, workbook))) {
			assertThat(table.mergedRanges("数据")).containsExactlyInAnyOrder(new MergedRange(1, 1, 0, 3),
					new MergedRange(3, 4, 1, 1));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void anExceptionFromTheConsumerReachesTheCallerUnchanged(String format) throws Exception {
		Workbook workbook = create(format);
		workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("x");
		IllegalStateException thrown = new IllegalStateException("the caller's own");

		try (TabularFile table = TabularFiles.open(Fixtures.workbook(dir, "a." + format, workbook))) {
			assertThatThrownBy(() -> table.readRows("数据", row -> {
				throw thrown;
			})).isSameAs(thrown);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "xlsx", "xls" })
	void aWorkbookSavedUnderTheOtherWorkbookExtensionIsReadByWhatItIs(String format) throws Exception {
		Workbook workbook = create(format);
		workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("x");
		String otherExtension = format.equals("xlsx") ? "xls" : "xlsx";

		assertThat(Fixtures.cells(Fixtures.workbook(dir, "a." + otherExtension, workbook))).containsExactly(List.of("x"));
	}

	private static Workbook create(String format) {
		return format.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
	}

	private static CellStyle style(Workbook workbook, String numberFormat) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(numberFormat));
		return style;
	}


}
