package cn.zibo.livelihood.validate;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Text cut to what a place holds, saying that it was cut and how long it was:
 * {@code xxxx…(已截断，原文共40,000字)}. Never splits a surrogate pair.
 */
public final class Clipped {

	private Clipped() {
	}

	/** The text itself when it fits in {@code max} characters, else its start and a note; null stays null. */
	public static String text(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		String note = "…（已截断，原文共" + NumberFormat.getIntegerInstance(Locale.CHINA).format(text.codePointCount(0, text.length()))
				+ "字）";
		int keep = Math.max(0, max - note.length());
		if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
			keep--;
		}
		return text.substring(0, keep) + note;
	}

}
