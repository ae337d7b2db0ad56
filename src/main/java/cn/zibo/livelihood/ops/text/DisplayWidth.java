package cn.zibo.livelihood.ops.text;

/**
 * How many terminal columns text takes: East Asian Wide and Fullwidth characters (Chinese, full-width
 * punctuation such as ，：（）) take two, combining marks none, everything else one.
 */
public final class DisplayWidth {

	private DisplayWidth() {
	}

	public static int of(String text) {
		return text == null ? 0 : text.codePoints().map(DisplayWidth::columns).sum();
	}

	/** The text padded with spaces on the right to {@code width} columns. */
	public static String padRight(String text, int width) {
		String t = text == null ? "" : text;
		return t + " ".repeat(Math.max(0, width - of(t)));
	}

	/** The text padded with spaces on the left to {@code width} columns. */
	public static String padLeft(String text, int width) {
		String t = text == null ? "" : text;
		return " ".repeat(Math.max(0, width - of(t))) + t;
	}

	static int columns(int cp) {
		int type = Character.getType(cp);
		if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT || cp == 0x200B) {
			return 0;
		}
		return wide(cp) ? 2 : 1;
	}

	/** The Wide and Fullwidth ranges of Unicode's East Asian Width property. */
	private static boolean wide(int cp) {
		return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
				|| (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
				|| (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19)
				|| (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
				|| (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
	}

}
