package cn.zibo.livelihood.ingest.read;

import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static cn.zibo.livelihood.ingest.read.Fixtures.cells;
import static cn.zibo.livelihood.ingest.read.Fixtures.rows;
import static cn.zibo.livelihood.ingest.read.Fixtures.sheet;
import static cn.zibo.livelihood.ingest.read.Fixtures.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sheet XML as producers other than Excel write it, in hand-made packages. */
class XlsxSheetXmlTests {

	@TempDir
	Path dir;

	@Test
	void rowsAndCellsWithoutCoordinatesFollowThePreviousOne() throws Exception {
		Path file = xlsx(dir, "a.xlsx", "", sheet("""
				<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>\
				<row r="5"><c r="C5"><v>2</v></c><c><v>3</v></c></row>\
				<row><c><v>4</v></c></row>"""));

		assertThat(rows(file)).containsExactly(new SheetRow("数据", 1, List.of("a", "1")),
				new SheetRow("数据", 5, List.of("", "", "2", "3")), new SheetRow("数据", 6, List.of("4")));
	}

	@Test
	void inlineStringsJoinTheirRunsAndLeaveOutPhoneticReadings() throws Exception {
		Path file = xlsx(dir, "a.xlsx", "", sheet("""
				<row r="1"><c r="A1" t="inlineStr"><is><r><t>豊田</t></r><r><t xml:space="preserve"> 車</t></r>\
				<rPh sb="0" eb="2"><t>トヨタ</t></rPh></is></c>\
				<c r="B1" t="inlineStr"><is><t>行1_x000D_行2</t></is></c></row>"""));

		assertThat(cells(file)).containsExactly(List.of("豊田 車", "行1\r行2"));
	}

	@Test
	void formulaTextBooleanErrorAndIsoDateCellsReadByTheirType() throws Exception {
		Path file = xlsx(dir, "a.xlsx", "", sheet("""
				<row r="1"><c r="A1" t="str"><f>"已"&amp;"完成"</f><v>已完成</v></c>\
				<c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
				<c r="D1" t="d"><v>2024-09-30T00:00:00Z</v></c><c r="E1"><f>A2*2</f><v>42</v></c></row>"""));

		assertThat(cells(file)).containsExactly(List.of("已完成", "TRUE", "#DIV/0!", "2024-09-30", "42"));
	}

	@Test
	void prefixedElementsOfNonExcelProducersAreRead() throws Exception {
		Path file = xlsx(dir, "a.xlsx", "", """
				<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>\
				<x:row r="2"><x:c r="B2" t="str"><x:v>数值</x:v></x:c></x:row></x:sheetData></x:worksheet>""");

		assertThat(rows(file)).containsExactly(new SheetRow("数据", 2, List.of("", "数值")));
	}

	@Test
	void mergedRangesFollowingTheCellsAreFound() throws Exception {
		Path file = xlsx(dir, "a.xlsx", "", """
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
				<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row></sheetData>\
				<mergeCells count="2"><mergeCell ref="A1:F1"/><mergeCell ref="B3:C10"/></mergeCells></worksheet>""");

		try (TabularFile table = TabularFiles.open(file)) {
			assertThat(table.mergedRanges("数据")).containsExactly(new MergedRange(1, 1, 0, 5),
					new MergedRange(3, 10, 1, 2));
		}
	}

	@Test
	void aCellBeyondExcelsLastColumnIsADamagedFile() throws Exception {
		Path file = xlsx(dir, "a.xlsx", "", sheet("<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>"));

		assertThatThrownBy(() -> rows(file)).isInstanceOfSatisfying(UnreadableFileException.class, ex -> {
			assertThat(ex.code()).isEqualTo("corrupt_file");
			assertThat(ex.chineseMessage()).contains("工作表“数据”第1行");
		});
	}

	@Test
	void datesOfA1904WorkbookCountFrom1904() throws Exception {
		XSSFWorkbook workbook = new XSSFWorkbook();
		var properties = workbook.getCTWorkbook();
		(properties.isSetWorkbookPr() ? properties.getWorkbookPr() : properties.addNewWorkbookPr()).setDate1904(true);
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		Row row = workbook.createSheet("数据").createRow(0);
		row.createCell(0).setCellValue(1);
		row.getCell(0).setCellStyle(date);

		assertThat(cells(Fixtures.workbook(dir, "a.xlsx", workbook))).containsExactly(List.of("1904-01-02"));
	}

}
