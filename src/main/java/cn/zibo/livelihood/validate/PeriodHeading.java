package cn.zibo.livelihood.validate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column heading that names a period, in a table with one value column per period: with its year
 * ({@code 2024年1月}, {@code 2024Q1}, a date) or without ({@code 1月}, {@code 一季度}, {@code 上半年},
 * {@code 全年}), in which case the year comes from elsewhere (a group heading, the sheet's name, the
 * title, the file name).
 *
 * @param year the year written in the heading, or null
 * @param kind Y (year), H (half), Q (quarter) or M (month)
 * @param number which half, quarter or month (1 for a year)
 */
public record PeriodHeading(Integer year, char kind, int number) {

	private static final String NUMERALS = "一二三四五六七八九十";

	private static final Pattern MONTH = Pattern.compile("^(\\d{1,2}|[一二三四五六七八九十]|十[一二])月份?$");

	private static final Pattern QUARTER = Pattern.compile("^(?:第?([一二三四1-4])季度?|[Qq]([1-4]))$");

	private static final Pattern HALF = Pattern.compile("^(?:([上下])半年|[Hh]([12]))$");

	private static final Pattern YEAR = Pattern.compile("^全年度?$");

	private static final Pattern CODE = Pattern.compile("^(\\d{4})(?:([HQ])(\\d)|-(\\d{2}))?$");

	/** The heading's period, when the text of a heading is one; empty otherwise. */
	public static Optional<PeriodHeading> parse(String heading) {
		Optional<Period> whole = Period.parse(heading);
		if (whole.isPresent()) {
			Matcher code = CODE.matcher(whole.get().code());
			if (!code.matches()) {
				return Optional.empty();
			}
			int year = Integer.parseInt(code.group(1));
			if (code.group(2) != null) {
				return Optional.of(new PeriodHeading(year, code.group(2).charAt(0), Integer.parseInt(code.group(3))));
			}
			return Optional.of(code.group(4) != null ? new PeriodHeading(year, 'M', Integer.parseInt(code.group(4)))
					: new PeriodHeading(year, 'Y', 1));
		}
		String text = Text.key(heading);
		Matcher m = MONTH.matcher(text);
		if (m.matches()) {
			int month = numeral(m.group(1));
			return month >= 1 && month <= 12 ? Optional.of(new PeriodHeading(null, 'M', month)) : Optional.empty();
		}
		m = QUARTER.matcher(text);
		if (m.matches()) {
			return Optional.of(new PeriodHeading(null, 'Q', numeral(m.group(1) != null ? m.group(1) : m.group(2))));
		}
		m = HALF.matcher(text);
		if (m.matches()) {
			boolean first = "上".equals(m.group(1)) || "1".equals(m.group(2));
			return Optional.of(new PeriodHeading(null, 'H', first ? 1 : 2));
		}
		return YEAR.matcher(text).matches() ? Optional.of(new PeriodHeading(null, 'Y', 1)) : Optional.empty();
	}

	/** The year a text names, as a title row or file name does (淄博市…2024年第三季度…表): the year of its period. */
	public static Optional<Integer> yearIn(String text) {
		return Period.find(text).map(p -> p.start().getYear());
	}

	public boolean hasYear() {
		return year != null;
	}

	/** The period, in the heading's own year or, without one, in the given year. */
	public Period in(int defaultYear) {
		int y = year != null ? year : defaultYear;
		return switch (kind) {
			case 'H' -> Period.half(y, number);
			case 'Q' -> Period.quarter(y, number);
			case 'M' -> Period.month(y, number);
			default -> Period.year(y);
		};
	}

	private static int numeral(String text) {
		if (Character.isDigit(text.charAt(0))) {
			return Integer.parseInt(text);
		}
		if (text.length() == 2) {
			return 10 + NUMERALS.indexOf(text.charAt(1)) + 1;
		}
		return NUMERALS.indexOf(text.charAt(0)) + 1;
	}

}
