package cn.zibo.livelihood.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column header as the matching sees it: without spaces, with full-width forms folded, and
 * without a trailing unit in brackets, which is kept apart ({@code 数值(万元)} is 数值 in 万元).
 */
public record HeaderText(String key, String unit) {

	private static final Pattern TRAILING_UNIT = Pattern.compile("^(.+?)[(\\[【〔]([^()\\[\\]【】〔〕]+)[)\\]】〕]$");

	public static HeaderText of(String header) {
		String key = Text.key(header);
		Matcher m = TRAILING_UNIT.matcher(key);
		if (m.matches()) {
			return new HeaderText(m.group(1), m.group(2));
		}
		return new HeaderText(key, "");
	}

	/** The matching key of any header spelling, e.g. from a mapping file. */
	public static String keyOf(String spelling) {
		return Text.key(spelling);
	}

}
