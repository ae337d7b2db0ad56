package cn.zibo.livelihood.ingest.read;

/**
 * A cell holding more text than Excel lets a cell hold. No workbook Excel wrote has one; a shared
 * string of megabytes referenced from thousands of cells is a way to make a small file cost
 * gigabytes of text to read, so the file is refused at the first such cell.
 */
final class CellTooLongException extends RuntimeException {

	/** Excel's limit on the characters of one cell. */
	static final int MAX_CHARACTERS = 32_767;

	CellTooLongException(int length) {
		super("a cell holds " + length + " characters, over Excel's limit of " + MAX_CHARACTERS);
	}

	static String checked(String text) {
		if (text.length() > MAX_CHARACTERS) {
			throw new CellTooLongException(text.length());
		}
		return text;
	}

}
