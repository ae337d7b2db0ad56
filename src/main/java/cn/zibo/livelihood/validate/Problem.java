package cn.zibo.livelihood.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something wrong with a submission, where a person can find it.
 * <p>
 * A cell can hold tens of thousands of characters; a problem keeps at most {@link #MAX_VALUE} of
 * them, and a message quotes at most {@link #MAX_QUOTED}, each cut saying how long the text was,
 * so that one absurd cell cannot make the receipt unwritable or unreadable.
 *
 * @param rowNo the row as Excel or a text editor numbers it; null for the whole file
 * @param column the header as written in the file, or null
 * @param value the cell as written, or null
 * @param code stable machine code (not_a_number, unknown_indicator …)
 * @param message Chinese, saying what is wrong and what to do
 */
public record Problem(String sheet, Integer rowNo, String column, String value, String code, String message) {

	/** Characters of a cell kept with a problem. */
	public static final int MAX_VALUE = 1_000;

	/** Characters of a cell quoted inside a message. */
	public static final int MAX_QUOTED = 60;

	private static final Pattern QUOTED = Pattern.compile("“([^”]{" + (MAX_QUOTED + 1) + ",})”");

	public Problem {
		value = Clipped.text(value, MAX_VALUE);
		column = Clipped.text(column, MAX_VALUE);
		message = message == null ? null : clipQuotes(message);
	}

	public static Problem ofFile(String code, String message) {
		return new Problem(null, null, null, null, code, message);
	}

	private static String clipQuotes(String message) {
		Matcher m = QUOTED.matcher(message);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement("“" + Clipped.text(m.group(1), MAX_QUOTED) + "”"));
		}
		return m.appendTail(out).toString();
	}

}
