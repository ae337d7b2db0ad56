package cn.zibo.livelihood.ingest.layout;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.zibo.livelihood.ingest.read.MergedRange;
import cn.zibo.livelihood.ingest.read.SheetRow;

/**
 * The top rows of a sheet, where the title and header are, with its merged cells: what a person
 * sees in each cell. A merged cell shows its text over its whole range, so a heading merged over
 * sub-columns, or a field name merged down over the rows of a header block, is read at every cell
 * it covers.
 */
final class HeaderCells {

	/** A cell as shown, and whether its text is that of a merged cell starting further left. */
	record Shown(String text, boolean fromLeft) {

		boolean isBlank() {
			return text.isEmpty();
		}

	}

	private final Map<Integer, SheetRow> rows = new TreeMap<>();

	private final List<MergedRange> merged;

	HeaderCells(List<SheetRow> top, List<MergedRange> merged) {
		top.forEach(row -> rows.put(row.rowNo(), row));
		this.merged = merged;
	}

	List<Integer> rowNos() {
		return List.copyOf(rows.keySet());
	}

	boolean has(int rowNo) {
		return rows.containsKey(rowNo);
	}

	SheetRow row(int rowNo) {
		return rows.get(rowNo);
	}

	List<MergedRange> merged() {
		return merged;
	}

	/** The cell's own text, stripped; "" when blank or absent. */
	String own(int rowNo, int col) {
		SheetRow row = rows.get(rowNo);
		return row == null || col >= row.cells().size() ? "" : row.cells().get(col).strip();
	}

	/**
	 * The cell as shown: its own text, or that of the merged cell covering it, when that merged cell
	 * starts at or below {@code fromRow} (a title merged down into the header is not the header's).
	 */
	Shown shown(int rowNo, int col, int fromRow) {
		MergedRange range = rangeAt(rowNo, col);
		if (range == null || range.firstRow() < fromRow) {
			return new Shown(own(rowNo, col), false);
		}
		return new Shown(own(range.firstRow(), range.firstColumn()), range.firstColumn() < col);
	}

	MergedRange rangeAt(int rowNo, int col) {
		for (MergedRange range : merged) {
			if (rowNo >= range.firstRow() && rowNo <= range.lastRow() && col >= range.firstColumn() && col <= range.lastColumn()) {
				return range;
			}
		}
		return null;
	}

	/** Columns the rows span, counting the merged cells that reach into them. */
	int width(int top, int bottom) {
		int width = 0;
		for (int rowNo = top; rowNo <= bottom; rowNo++) {
			SheetRow row = rows.get(rowNo);
			width = Math.max(width, row == null ? 0 : row.cells().size());
		}
		for (MergedRange range : merged) {
			if (range.firstRow() <= bottom && range.lastRow() >= top) {
				width = Math.max(width, range.lastColumn() + 1);
			}
		}
		return width;
	}

}
