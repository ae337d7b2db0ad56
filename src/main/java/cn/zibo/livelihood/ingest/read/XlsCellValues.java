package cn.zibo.livelihood.ingest.read;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

import cn.zibo.livelihood.ingest.read.CellText.NumberStyle;


/** What one XLS cell says; a formula cell by its cached result, under the same rules. */
final class XlsCellValues {

	private final boolean date1904;

	private final Map<Short, NumberStyle> numberStyles = new HashMap<>();

	XlsCellValues(boolean date1904) {
		this.date1904 = date1904;
	}

	String text(Cell cell) {
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			case STRING -> CellTooLongException.checked(cell.getRichStringCellValue().getString());
			case NUMERIC -> CellText.number(cell.getNumericCellValue(), numberStyle(cell.getCellStyle()), date1904);
			case BOOLEAN -> CellText.bool(cell.getBooleanCellValue());
			case ERROR -> error(cell.getErrorCellValue());
			default -> "";
		};
	}

	private NumberStyle numberStyle(CellStyle style) {
		return numberStyles.computeIfAbsent(style.getIndex(),
				index -> CellText.styleOf(style.getDataFormat(), style.getDataFormatString()));
	}

	private static String error(byte code) {
		try {
			return FormulaError.forInt(code).getString();
		}
		catch (IllegalArgumentException ex) {
			return "#ERROR!";
		}
	}

}
