package cn.zibo.livelihood.ops.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for the terminal whose columns line up by display width, whatever mix of Chinese and Latin
 * text it holds: each column is as wide as its widest cell, numbers (columns added with
 * {@link #right}) are right-aligned, columns are two spaces apart and the table is indented by two.
 */
public final class TextTable {

	private final List<String> headers = new ArrayList<>();

	private final List<Boolean> rightAligned = new ArrayList<>();

	private final List<String[]> rows = new ArrayList<>();

	/** A column of text, left-aligned. */
	public TextTable left(String header) {
		headers.add(header);
		rightAligned.add(false);
		return this;
	}

	/** A column of numbers, right-aligned. */
	public TextTable right(String header) {
		headers.add(header);
		rightAligned.add(true);
		return this;
	}

	public TextTable row(Object... cells) {
		if (cells.length != headers.size()) {
			throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
		}
		rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toArray(String[]::new));
		return this;
	}

	public boolean isEmpty() {
		return rows.isEmpty();
	}

	public List<String> lines() {
		int[] widths = new int[headers.size()];
		for (int c = 0; c < widths.length; c++) {
			widths[c] = DisplayWidth.of(headers.get(c));
			for (String[] row : rows) {
				widths[c] = Math.max(widths[c], DisplayWidth.of(row[c]));
			}
		}
		List<String> lines = new ArrayList<>();
		lines.add(line(headers.toArray(String[]::new), widths));
		rows.forEach(row -> lines.add(line(row, widths)));
		return lines;
	}

	public void print(PrintWriter out) {
		lines().forEach(out::println);
	}

	private String line(String[] cells, int[] widths) {
		StringBuilder line = new StringBuilder("  ");
		for (int c = 0; c < cells.length; c++) {
			boolean last = c == cells.length - 1;
			String cell = rightAligned.get(c) ? DisplayWidth.padLeft(cells[c], widths[c])
					: last ? cells[c] : DisplayWidth.padRight(cells[c], widths[c]);
			line.append(cell);
			if (!last) {
				line.append("  ");
			}
		}
		return line.toString().stripTrailing();
	}

}
