package cn.zibo.livelihood.report.template;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The template's cell styles, made once per workbook (Excel allows some 64,000). Grey means "from
 * the catalogue, locked"; yellow means "yours to fill, unlocked". Value cells keep the General
 * format: a percent format would make 65 mean 6,500 % to the ingest, which reads a percent-formatted
 * cell holding 0.65 as 65 %.
 */
final class TemplateStyles {

	final CellStyle title;

	final CellStyle hint;

	final CellStyle header;

	final CellStyle inputHeader;

	final CellStyle locked;

	final CellStyle value;

	final CellStyle remark;

	final CellStyle paragraph;

	final CellStyle signLabel;

	final CellStyle signText;

	final CellStyle signInput;

	TemplateStyles(XSSFWorkbook workbook) {
		title = workbook.createCellStyle();
		title.setFont(font(workbook, true, 14));
		title.setAlignment(HorizontalAlignment.CENTER);
		hint = workbook.createCellStyle();
		hint.setWrapText(true);
		hint.setVerticalAlignment(VerticalAlignment.CENTER);
		hint.setFont(font(workbook, false, 10));
		header = bordered(workbook, new byte[] { (byte) 0xD9, (byte) 0xE1, (byte) 0xF2 }, true);
		header.setFont(font(workbook, true, 11));
		header.setAlignment(HorizontalAlignment.CENTER);
		inputHeader = bordered(workbook, new byte[] { (byte) 0xFF, (byte) 0xD9, (byte) 0x66 }, true);
		inputHeader.setFont(font(workbook, true, 11));
		inputHeader.setAlignment(HorizontalAlignment.CENTER);
		locked = bordered(workbook, new byte[] { (byte) 0xF2, (byte) 0xF2, (byte) 0xF2 }, true);
		value = bordered(workbook, new byte[] { (byte) 0xFF, (byte) 0xF2, (byte) 0xCC }, false);
		remark = bordered(workbook, new byte[] { (byte) 0xFF, (byte) 0xF2, (byte) 0xCC }, false);
		remark.setWrapText(true);
		paragraph = workbook.createCellStyle();
		paragraph.setWrapText(true);
		paragraph.setVerticalAlignment(VerticalAlignment.TOP);
		signLabel = workbook.createCellStyle();
		signLabel.setFont(font(workbook, true, 11));
		signLabel.setAlignment(HorizontalAlignment.RIGHT);
		signLabel.setVerticalAlignment(VerticalAlignment.BOTTOM);
		signText = workbook.createCellStyle();
		signText.setFont(font(workbook, false, 11));
		signText.setVerticalAlignment(VerticalAlignment.BOTTOM);
		signInput = bordered(workbook, new byte[] { (byte) 0xFF, (byte) 0xF2, (byte) 0xCC }, false);
		signInput.setVerticalAlignment(VerticalAlignment.BOTTOM);
	}

	private static XSSFCellStyle bordered(XSSFWorkbook workbook, byte[] rgb, boolean locked) {
		XSSFCellStyle style = workbook.createCellStyle();
		style.setFillForegroundColor(new XSSFColor(rgb, null));
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		style.setTopBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
		style.setBottomBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
		style.setLeftBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
		style.setRightBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		style.setLocked(locked);
		return style;
	}

	private static XSSFFont font(XSSFWorkbook workbook, boolean bold, int points) {
		XSSFFont font = workbook.createFont();
		font.setBold(bold);
		font.setFontHeightInPoints((short) points);
		return font;
	}

}
