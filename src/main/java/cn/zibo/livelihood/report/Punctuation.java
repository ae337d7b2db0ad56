package cn.zibo.livelihood.report;

/**
 * Chinese text as Chinese forms punctuate it: the half-width {@code , : ; ( )} that messages written
 * in several places still carry become {@code ，：；（）}. What a department wrote is quoted in those
 * messages (“…”) and left exactly as written, and so are a thousands separator (1,000) and a time
 * of day (12:30), whose neighbours are digits.
 */
public final class Punctuation {

	private static final String HALF = ",:;()";

	private static final String FULL = "，：；（）";

	private Punctuation() {
	}

	public static String fullWidth(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int quoted = 0;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (ch == '“') {
				quoted++;
			}
			else if (ch == '”' && quoted > 0) {
				quoted--;
			}
			int kind = HALF.indexOf(ch);
			boolean betweenDigits = i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
					&& Character.isDigit(text.charAt(i + 1));
			out.append(kind >= 0 && quoted == 0 && !(kind < 2 && betweenDigits) ? FULL.charAt(kind) : ch);
		}
		return out.toString();
	}

}
