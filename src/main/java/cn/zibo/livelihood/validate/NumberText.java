package cn.zibo.livelihood.validate;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number as a clerk writes it: {@code 2,500}, {@code 2，500}, full-width digits,
 * {@code 1.63万}, {@code 21亿元}, {@code 103处}, {@code 65%}. Never guesses: anything else
 * (约一百, 100左右, 103处以上) is not a number. Blank and the placeholders —, -, /, 无, 不适用 mean
 * "not reported", which is not zero.
 */
public final class NumberText {

	private static final Set<String> NOT_REPORTED = Set.of("", "-", "--", "—", "——", "/", "无", "不适用", "－", "―", "‐",
			"n/a", "N/A", "NA");

	private static final Pattern NUMBER = Pattern
		.compile("^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(%|万|亿)?\\s*([^\\d\\s.,%+-][^\\d]*)?$");

	private NumberText() {
	}

	/** What a cell says. */
	public sealed interface Reading permits Number, NotReported, NotANumber {
	}

	/**
	 * @param value the number with any 万/亿 applied
	 * @param percent written with a % sign
	 * @param unitWord a unit written after the number (处, 人, 元 …), or null
	 * @param scaled whether 万 or 亿 was written
	 */
	public record Number(BigDecimal value, boolean percent, String unitWord, boolean scaled) implements Reading {
	}

	public record NotReported() implements Reading {
	}

	public record NotANumber(String text) implements Reading {
	}

	public static Reading read(String cell) {
		String text = Text.fold(cell).replace('，', ',');
		if (NOT_REPORTED.contains(text)) {
			return new NotReported();
		}
		Matcher m = NUMBER.matcher(text);
		if (!m.matches()) {
			return new NotANumber(cell);
		}
		BigDecimal value = new BigDecimal(m.group(1) + m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3)));
		String suffix = m.group(4);
		String unitWord = m.group(5) == null ? null : m.group(5).strip();
		if (unitWord != null && (unitWord.contains("以上") || unitWord.contains("左右") || unitWord.contains("约"))) {
			return new NotANumber(cell);
		}
		if ("万".equals(suffix)) {
			value = value.scaleByPowerOfTen(4);
		}
		else if ("亿".equals(suffix)) {
			value = value.scaleByPowerOfTen(8);
		}
		return new Number(value.stripTrailingZeros(), "%".equals(suffix), unitWord,
				"万".equals(suffix) || "亿".equals(suffix));
	}

}
