package cn.zibo.livelihood.report.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a progress workbook back as a person would: a sheet's rows below its header row (the third),
 * a cell by its column's header, numbers as plain text to compare with a view's values.
 */
final class ProgressWorkbookCells {

	private final XSSFWorkbook workbook;

	ProgressWorkbookCells(XSSFWorkbook workbook) {
		this.workbook = workbook;
	}

	List<String> headers(String sheet) {
		List<String> headers = new ArrayList<>();
		workbook.getSheet(sheet).getRow(2).forEach(cell -> headers.add(text(cell)));
		return headers;
	}

	int column(String sheet, String header) {
		return headers(sheet).indexOf(header);
	}

	List<Row> rows(String sheet) {
		List<Row> rows = new ArrayList<>();
		Sheet s = workbook.getSheet(sheet);
		for (int r = 3; r <= s.getLastRowNum(); r++) {
			rows.add(s.getRow(r));
		}
		return rows;
	}

	Row indicatorRow(String code) {
		return rows("指标进度").stream().filter(r -> code.equals(text(r.getCell(2)))).findFirst().orElseThrow();
	}

	List<Row> taskRows(int task) {
		return rows("任务进展").stream().filter(r -> text(r.getCell(0)).equals(String.valueOf(task))).toList();
	}

	List<String> cells(Row row, String... headers) {
		String sheet = row.getSheet().getSheetName();
		List<String> values = new ArrayList<>();
		for (String header : headers) {
			values.add(text(row.getCell(column(sheet, header))));
		}
		return values;
	}

	/** A cell as the view's value would print: numbers plain, no formatting. */
	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case NUMERIC -> plain(BigDecimal.valueOf(cell.getNumericCellValue()));
			case STRING -> cell.getStringCellValue();
			case BLANK -> "";
			default -> cell.getCellType() + ":" + cell;
		};
	}

	static String plain(Object value) {
		return value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
	}

	static String fill(Cell cell) {
		var colour = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundColorColor();
		return colour == null ? "" : colour.getARGBHex().substring(2);
	}

}
