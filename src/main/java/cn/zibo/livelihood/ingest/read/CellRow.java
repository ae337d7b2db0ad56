package cn.zibo.livelihood.ingest.read;

import java.util.ArrayList;
import java.util.List;

/** Collects one row's cells by column, then hands it over as a {@link SheetRow}. */
final class CellRow {

	/** Excel's last column, XFD; anything beyond is a damaged file, not a reason to allocate more. */
	static final int MAX_COLUMNS = 16384;

	private final List<String> cells = new ArrayList<>();

	private int width;

	/**
	 * A NUL character (an .xls string may hold one, an .xlsx one as {@code _x0000_}) becomes U+FFFD:
	 * PostgreSQL text cannot store NUL, and a value or remark holding one would fail every attempt to
	 * record the file, while the replacement shows the clerk where the strange character was.
	 */
	void put(int column, String text) {
		if (column < 0 || column >= MAX_COLUMNS) {
			throw new IllegalArgumentException("column index " + column + " outside A..XFD");
		}
		while (cells.size() <= column) {
			cells.add("");
		}
		cells.set(column, text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD'));
		if (!text.isEmpty()) {
			width = Math.max(width, column + 1);
		}
	}

	/** The row without trailing empty cells, or null when no cell holds anything. */
	SheetRow toSheetRow(String sheet, int rowNo) {
		return (width == 0) ? null : new SheetRow(sheet, rowNo, cells.subList(0, width));
	}

	/** Hands a finished row to the consumer, keeping the consumer's own exceptions apart from ours. */
	static boolean deliver(SheetRow row, RowConsumer consumer) {
		if (row == null) {
			return true;
		}
		try {
			return consumer.accept(row);
		}
		catch (RuntimeException ex) {
			throw new ConsumerFailure(ex);
		}
	}

	/** Carries an exception thrown by the caller's consumer through the reader's own error handling. */
	static final class ConsumerFailure extends RuntimeException {

		ConsumerFailure(RuntimeException cause) {
			super(cause);
		}

		RuntimeException original() {
			return (RuntimeException) getCause();
		}

	}

}
