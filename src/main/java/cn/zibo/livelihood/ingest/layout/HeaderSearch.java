package cn.zibo.livelihood.ingest.layout;

import java.util.Optional;

import cn.zibo.livelihood.ingest.read.MergedRange;
import cn.zibo.livelihood.ingest.read.SheetRow;

/**
 * Finds the header in a sheet's top rows: the first row that, with the rows of its block, names
 * the indicator and the values. A block is the row and up to two rows above or below it that belong
 * to it: joined by a cell merged down over both (a field name over the rows of the block), by a
 * heading merged across cells of the row below (完成情况 over 数值 and 单位, 各区县完成情况 over the
 * districts), or, in a CSV file where nothing is merged, by the row below naming only columns the
 * row above leaves blank. A row holding data (a number, an indicator code, a status) never belongs
 * to a header, and a title row (one cell, or a unit line beside it) is never joined to one.
 */
final class HeaderSearch {

	static final int MAX_HEIGHT = 3;

	private final HeaderCells cells;

	private final Labels labels;

	private final HeaderColumns columns;

	HeaderSearch(HeaderCells cells, Labels labels, HeaderColumns columns) {
		this.cells = cells;
		this.labels = labels;
		this.columns = columns;
	}

	Optional<Header> find() {
		for (int rowNo : cells.rowNos()) {
			int top = rowNo;
			while (rowNo - top + 1 < MAX_HEIGHT && joined(top - 1, top)) {
				top--;
			}
			Header header = null;
			for (int t = top; t <= rowNo && header == null; t++) {
				Header candidate = columns.read(t, rowNo);
				header = candidate.qualifies() ? candidate : null;
			}
			if (header == null) {
				continue;
			}
			// a header found in a block's first row may go on below (完成情况 over 数值 and 单位)
			while (header.bottom() - header.top() + 1 < MAX_HEIGHT && joined(header.bottom(), header.bottom() + 1)) {
				Header longer = columns.read(header.top(), header.bottom() + 1);
				if (!longer.qualifies() || !longer.fields().keySet().containsAll(header.fields().keySet())) {
					break;
				}
				header = longer;
			}
			return Optional.of(header);
		}
		return Optional.empty();
	}

	/** Whether the row below belongs to the same header block as the row above. */
	boolean joined(int upper, int lower) {
		if (!cells.has(upper) || !cells.has(lower)) {
			return false;
		}
		SheetRow below = cells.row(lower);
		if (below.cells().stream().anyMatch(Labels::dataLike)) {
			return false;
		}
		for (MergedRange range : cells.merged()) {
			if (range.firstRow() <= upper && range.lastRow() >= lower) {
				return true;
			}
			if (range.firstRow() == upper && range.lastColumn() > range.firstColumn() && underAndBeside(range, upper, lower)) {
				return true;
			}
		}
		return namesOnlyBlanks(upper, lower);
	}

	/** A heading merged across cells of the row below, beside another heading (not a lone title). */
	private boolean underAndBeside(MergedRange range, int upper, int lower) {
		boolean under = false;
		for (int col = range.firstColumn(); col <= range.lastColumn() && !under; col++) {
			under = !cells.own(lower, col).isEmpty();
		}
		int width = cells.width(upper, upper);
		for (int col = 0; col < width && under; col++) {
			String text = cells.own(upper, col);
			if ((col < range.firstColumn() || col > range.lastColumn()) && !text.isEmpty() && !TitleLines.isTitleCell(text)) {
				return true;
			}
		}
		return false;
	}

	/** The row below holds only headings, under columns the row above leaves blank, as a CSV writes a block. */
	private boolean namesOnlyBlanks(int upper, int lower) {
		boolean any = false;
		boolean fills = false;
		int width = cells.width(upper, lower);
		for (int col = 0; col < width; col++) {
			String below = cells.own(lower, col);
			String above = cells.own(upper, col);
			if (!below.isEmpty()) {
				if (!labels.of(below).meaningful()) {
					return false;
				}
				any = true;
			}
			else if (!above.isEmpty() && labels.of(above).meaningful()) {
				fills = true;
			}
		}
		return any && fills;
	}

}
