package cn.zibo.livelihood.ingest.layout;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zibo.livelihood.validate.Text;

/**
 * The rows above a header: the title, where the period may be written; the lines of a statistics
 * form (表号, 制表机关, 批准文号, 有效期至) and dates of issue (报出日期), whose dates are never the
 * period; and a unit line ({@code 单位:万元}), the unit of the value column when nothing else says.
 */
final class TitleLines {

	private static final Pattern FORM = Pattern.compile("^(表号|制表机关|批准机关|批准文号|文号|有效期至|有效期|报出日期|填报日期|填表日期|制表日期)");

	private static final Pattern UNIT = Pattern.compile("^(?:计量)?单位:([^、,;:]+)$");

	/** A unit line found above the data. */
	record UnitLine(String unit, int rowNo, String text) {
	}

	private TitleLines() {
	}

	/** A form line, a date of issue or a unit line: a cell that is neither a heading nor part of the title. */
	static boolean isTitleCell(String text) {
		String key = Text.key(text);
		return FORM.matcher(key).find() || key.contains("有效期至") || key.contains("批准文号") || unit(text).isPresent();
	}

	static Optional<String> unit(String text) {
		Matcher m = UNIT.matcher(Text.key(text));
		return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
	}

	/** The title: every cell of the rows above the header, but form lines, dates of issue and unit lines. */
	static String text(HeaderCells cells, int top) {
		StringBuilder title = new StringBuilder();
		for (int rowNo : cells.rowNos()) {
			if (rowNo >= top) {
				break;
			}
			for (String cell : cells.row(rowNo).cells()) {
				if (!cell.isBlank() && !isTitleCell(cell)) {
					title.append(cell.strip()).append(' ');
				}
			}
		}
		return title.toString().strip();
	}

	/** The first unit line above the data, in the title rows or beside the header. */
	static UnitLine unitLine(HeaderCells cells, int bottom) {
		for (int rowNo : cells.rowNos()) {
			if (rowNo > bottom) {
				break;
			}
			for (String cell : cells.row(rowNo).cells()) {
				Optional<String> unit = unit(cell);
				if (unit.isPresent()) {
					return new UnitLine(unit.get(), rowNo, cell.strip());
				}
			}
		}
		return null;
	}

}
