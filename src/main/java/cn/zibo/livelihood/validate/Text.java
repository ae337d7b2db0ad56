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
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return folded.replace('\u3000', ' ').replace('\u00a0', ' ').strip();
	}

	/** {@link #fold} and no whitespace at all, for matching names and headers. */
	public static String key(String text) {
		return fold(text).replaceAll("\\s+", "");
	}

}
