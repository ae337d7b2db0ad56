package cn.zibo.livelihood.ops.text;

import java.util.List;

/** Where a table's columns start on a terminal, in display columns (a Chinese character takes two). */
public final class Columns {

	private Columns() {
	}

	/** The display column at which {@code text} starts in {@code line}; fails when it is not there. */
	public static int startOf(String line, String text) {
		int index = line.indexOf(text);
		if (index < 0) {
			throw new AssertionError("'" + text + "' not in: " + line);
		}
		return DisplayWidth.of(line.substring(0, index));
	}

	/** Whether a cell starts at display column {@code at}: a space before it, something other than a space at it. */
	public static boolean cellStartsAt(String line, int at) {
		int column = 0;
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			if (column == at) {
				return cp != ' ' && i > 0 && line.charAt(i - 1) == ' ';
			}
			if (column > at) {
				return false;
			}
			column += DisplayWidth.columns(cp);
			i += Character.charCount(cp);
		}
		return false;
	}

	/**
	 * Whether every row under {@code header} has a cell starting where each of {@code columns} starts in the
	 * header (left-aligned columns), up to the first blank line; a row ending before a column has it empty.
	 */
	public static boolean lineUp(List<String> lines, String header, List<String> columns) {
		int at = lines.indexOf(header);
		for (String column : columns) {
			int start = startOf(header, column);
			for (int i = at + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
				if (lines.get(i).startsWith("        ") || DisplayWidth.of(lines.get(i)) <= start) {
					continue; // a detail line under a row, or a row whose last cells are empty
				}
				if (!cellStartsAt(lines.get(i), start)) {
					return false;
				}
			}
		}
		return true;
	}

}
