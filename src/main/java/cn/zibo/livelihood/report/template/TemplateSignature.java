package cn.zibo.livelihood.report.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The block government forms carry under their table: 填报单位（盖章）, 填报人, 联系电话, 审核人 and
 * 填报日期, the names and numbers in yellow cells the clerk fills. It sits below the data after a
 * blank row and its first cell is a note line the ingest knows (填报单位（盖章）：), so everything
 * from there down is neither figures nor problems: a filled template still loads whole.
 */
final class TemplateSignature {

	/** The block's label, which a department's own form may also write as 填报单位: with a colon. */
	static final String UNIT = "填报单位（盖章）：";

	private TemplateSignature() {
	}

	/** @param below the last data row (0-based); the block starts two rows under it */
	static int write(XSSFSheet sheet, Template template, TemplateStyles styles, int below) {
		int first = below + 2;
		Row unit = sheet.createRow(first);
		label(sheet, unit, 0, 1, UNIT, styles.signLabel);
		label(sheet, unit, 2, 2, template.department().name(), styles.signText);
		label(sheet, unit, 3, 4, "填报人：", styles.signLabel);
		input(sheet, unit, 5, 5, styles);
		label(sheet, unit, 6, 6, "联系电话：", styles.signLabel);
		input(sheet, unit, 7, 7, styles);
		Row checked = sheet.createRow(first + 1);
		label(sheet, checked, 0, 1, "审核人：", styles.signLabel);
		input(sheet, checked, 2, 2, styles);
		label(sheet, checked, 3, 4, "填报日期：", styles.signLabel);
		input(sheet, checked, 5, 5, styles);
		unit.setHeightInPoints(24);
		checked.setHeightInPoints(24);
		return first + 1;
	}

	private static void label(XSSFSheet sheet, Row row, int from, int to, String text, CellStyle style) {
		for (int col = from; col <= to; col++) {
			Cell cell = row.createCell(col);
			cell.setCellStyle(style);
			if (col == from) {
				cell.setCellValue(text);
			}
		}
		if (to > from) {
			sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), from, to));
		}
	}

	private static void input(XSSFSheet sheet, Row row, int from, int to, TemplateStyles styles) {
		label(sheet, row, from, to, "", styles.signInput);
		row.getCell(from).setBlank();
	}

}
