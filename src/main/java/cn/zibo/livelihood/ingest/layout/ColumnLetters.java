package cn.zibo.livelihood.ingest.layout;

/** A 0-based column index as Excel names the column: A, B, …, Z, AA. */
final class ColumnLetters {

	private ColumnLetters() {
	}

	static String of(int column) {
		StringBuilder letters = new StringBuilder();
		for (int n = column + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

}
