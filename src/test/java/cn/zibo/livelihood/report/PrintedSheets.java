package cn.zibo.livelihood.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sheet must carry to print as a form, and the scan for codes a clerk must never read:
 * snake_case words ({@code not_a_number}, {@code in_progress}), period codes ({@code 2024Q3},
 * {@code 2024H1}, {@code 2024-07}) and job statuses.
 */
public final class PrintedSheets {

	public static final Pattern RAW_CODE = Pattern.compile("(?<![A-Za-z0-9])[a-z]+(?:_[a-z]+)+(?![A-Za-z0-9])"
			+ "|(?<![0-9])20[0-9]{2}[QqHh][1-4](?![0-9])|(?<![0-9-])20[0-9]{2}-(?:0[1-9]|1[0-2])(?![0-9-])"
			+ "|\\b(?:COMPLETED|FAILED|STARTED|STOPPED|ABANDONED)\\b");

	private PrintedSheets() {
	}

	/** A4, one page wide and as long as needed, page numbers in the footer, a title in the first row. */
	public static void assertPrintsAsForm(Sheet sheet, boolean landscape, String repeatedRows) {
		String name = sheet.getSheetName();
		PrintSetup print = sheet.getPrintSetup();
		assertThat(print.getPaperSize()).as(name + " paper").isEqualTo(PrintSetup.A4_PAPERSIZE);
		assertThat(print.getLandscape()).as(name + " landscape").isEqualTo(landscape);
		assertThat(sheet.getFitToPage()).as(name + " fit to page").isTrue();
		assertThat(print.getFitWidth()).as(name + " one page wide").isEqualTo((short) 1);
		assertThat(print.getFitHeight()).as(name + " as many pages long as needed").isZero();
		assertThat(sheet.getFooter().getCenter()).as(name + " page numbers").isEqualTo("第 &P 页，共 &N 页");
		if (repeatedRows == null) {
			assertThat(sheet.getRepeatingRows()).as(name + " repeats no rows").isNull();
		}
		else {
			assertThat(sheet.getRepeatingRows()).as(name + " repeated rows").isNotNull();
			assertThat(sheet.getRepeatingRows().formatAsString()).as(name + " repeated rows").isEqualTo(repeatedRows);
		}
		assertThat(text(sheet.getRow(0).getCell(0))).as(name + " title row").isNotBlank();
	}

	/** Every text cell that holds a code, as {@code sheet!A1 text}, from {@code fromRow} to {@code toRow} (exclusive). */
	public static List<String> rawCodes(Sheet sheet, int toRow, Set<String> departmentColumns) {
		List<String> found = new ArrayList<>();
		Set<Integer> skipped = new java.util.HashSet<>();
		for (Row row : sheet) {
			if (row.getRowNum() >= toRow) {
				break;
			}
			for (Cell cell : row) {
				String text = text(cell);
				if (departmentColumns.contains(text)) {
					skipped.add(cell.getColumnIndex());
				}
				else if (!skipped.contains(cell.getColumnIndex()) && RAW_CODE.matcher(text).find()) {
					found.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + text);
				}
			}
		}
		return found;
	}

	public static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : new DataFormatter().formatCellValue(cell);
	}

	/** The first row whose first cell starts with {@code prefix}, or -1. */
	public static int rowStarting(Sheet sheet, String prefix) {
		for (Row row : sheet) {
			if (text(row.getCell(0)).startsWith(prefix)) {
				return row.getRowNum();
			}
		}
		return -1;
	}

}
