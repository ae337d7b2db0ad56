package cn.zibo.livelihood.ingest.layout;

/**
 * What reading one sheet's data found, for the receipt: the rows that held data and the row where
 * the notes below them began.
 */
public final class SheetRead {

	private final SheetLayout layout;

	private int firstRow;

	private int lastRow;

	private int notesRow;

	SheetRead(SheetLayout layout) {
		this.layout = layout;
	}

	public SheetLayout layout() {
		return layout;
	}

	void data(int rowNo) {
		firstRow = firstRow == 0 ? rowNo : firstRow;
		lastRow = rowNo;
	}

	void notes(int rowNo) {
		notesRow = rowNo;
	}

	/** The first data row, or 0 when the sheet has none. */
	int firstRow() {
		return firstRow;
	}

	int lastRow() {
		return lastRow;
	}

	/** The first row of the notes below the data, or 0 when there are none. */
	int notesRow() {
		return notesRow;
	}

}
