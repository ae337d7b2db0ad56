package cn.zibo.livelihood.validate;

import java.text.Normalizer;

/** Folding of the ways the same text is typed: full-width forms, odd spaces. */
public final class Text {

	private Text() {
	}

	/** Full-width letters, digits and punctuation to half-width (NFKC), without changing Chinese text. */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		if (isAscii(text)) {
			// NFKC leaves ASCII as it is, and the two spaces replaced below are not ASCII
			return text.strip();
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return folded.replace('\u3000', ' ').replace('\u00a0', ' ').strip();
	}

	/** {@link #fold} and no whitespace at all, for matching names and headers. */
	public static String key(String text) {
		String folded = fold(text);
		StringBuilder key = null;
		for (int i = 0; i < folded.length(); i++) {
			char ch = folded.charAt(i);
			boolean space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
			if (space && key == null) {
				key = new StringBuilder(folded.length()).append(folded, 0, i);
			}
			else if (!space && key != null) {
				key.append(ch);
			}
		}
		return key == null ? folded : key.toString();
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
