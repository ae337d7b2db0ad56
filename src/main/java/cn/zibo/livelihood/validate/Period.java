package cn.zibo.livelihood.validate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a year ({@code 2024}), half-year ({@code 2024H1}), quarter ({@code 2024Q3}) or
 * month ({@code 2024-07}), as CONTRACT.md section 4 lists the ways to write them.
 */
public record Period(String code, LocalDate start, LocalDate end) {

	private static final String CN_QUARTER = "一二三四";

	private static final Pattern YEAR = Pattern.compile("^(20\\d{2})(?:年度?)?$");

	private static final Pattern QUARTER = Pattern.compile("(20\\d{2})\\s*(?:-?\\s*[Qq]([1-4])|年第?([一二三四1-4])季度?)");

	private static final Pattern MONTH = Pattern.compile("(20\\d{2})(?:\\s*[-/.]\\s*(\\d{1,2})(?![\\d])|年(\\d{1,2})月|(\\d{2})(?!\\d))");

	private static final Pattern HALF = Pattern.compile("(20\\d{2})\\s*(?:[Hh]([12])|年([上下])半年)");

	private static final Pattern YEAR_IN_TEXT = Pattern.compile("(20\\d{2})年度?");

	/**
	 * A whole date, as a date cell reads ({@code 2024-09-01}, with a time of day when it has one) or
	 * as typed ({@code 2024/9/30}, {@code 2024年9月30日}).
	 */
	private static final Pattern DATE = Pattern
		.compile("^(20\\d{2})(?:[-/.](\\d{1,2})[-/.](\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?$");

	/** QUARTER, HALF and MONTH as the whole cell. */
	private static final Pattern[] WHOLE = { anchored(QUARTER), anchored(HALF), anchored(MONTH) };

	/**
	 * Reads a period cell; empty when the text is not a period. A whole date means its month: a
	 * period cell that Excel stored as a date reads as that date, whatever its display format.
	 */
	public static Optional<Period> parse(String cell) {
		Matcher date = DATE.matcher(Text.fold(cell));
		if (date.matches()) {
			return monthOf(date);
		}
		String text = Text.key(cell);
		Matcher year = YEAR.matcher(text);
		if (year.matches()) {
			return Optional.of(year(Integer.parseInt(year.group(1))));
		}
		for (Pattern whole : WHOLE) {
			if (whole.matcher(text).matches()) {
				return find(text);
			}
		}
		return Optional.empty();
	}

	/**
	 * Finds a period inside free text, such as a title row (淄博市教育局2024年第三季度…填报表) or a file
	 * name (市教育局_2024Q3.xlsx). The most specific form wins; a bare year comes last.
	 */
	public static Optional<Period> find(String freeText) {
		String text = Text.key(freeText);
		Matcher q = QUARTER.matcher(text);
		if (q.find()) {
			String n = q.group(2) != null ? q.group(2) : q.group(3);
			int quarter = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : CN_QUARTER.indexOf(n) + 1;
			return Optional.of(quarter(Integer.parseInt(q.group(1)), quarter));
		}
		Matcher h = HALF.matcher(text);
		if (h.find()) {
			boolean first = "1".equals(h.group(2)) || "上".equals(h.group(3));
			return Optional.of(half(Integer.parseInt(h.group(1)), first ? 1 : 2));
		}
		Matcher m = MONTH.matcher(text);
		while (m.find()) {
			String month = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
			int value = Integer.parseInt(month);
			if (value >= 1 && value <= 12) {
				return Optional.of(month(Integer.parseInt(m.group(1)), value));
			}
		}
		Matcher y = YEAR_IN_TEXT.matcher(text);
		if (y.find()) {
			return Optional.of(year(Integer.parseInt(y.group(1))));
		}
		return Optional.empty();
	}

	private static Optional<Period> monthOf(Matcher date) {
		int year = Integer.parseInt(date.group(1));
		int month = Integer.parseInt(date.group(2) != null ? date.group(2) : date.group(4));
		int day = Integer.parseInt(date.group(3) != null ? date.group(3) : date.group(5));
		if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
			return Optional.empty();
		}
		return Optional.of(month(year, month));
	}

	private static Pattern anchored(Pattern pattern) {
		return Pattern.compile("^(?:" + pattern.pattern() + ")$");
	}

	/** 2024年度, 2024年上半年, 2024年第三季度, 2024年7月: as Chinese government forms write a period. */
	public String chinese() {
		int year = start.getYear();
		if (code.contains("Q")) {
			return year + "年第" + CN_QUARTER.charAt(start.getMonthValue() / 3) + "季度";
		}
		if (code.contains("H")) {
			return year + (code.endsWith("1") ? "年上半年" : "年下半年");
		}
		if (code.contains("-")) {
			return year + "年" + start.getMonthValue() + "月";
		}
		return year + "年度";
	}

	public static Period year(int year) {
		return new Period(Integer.toString(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	public static Period half(int year, int half) {
		LocalDate start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
		return new Period(year + "H" + half, start, start.plusMonths(6).minusDays(1));
	}

	public static Period quarter(int year, int quarter) {
		LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
		return new Period(year + "Q" + quarter, start, start.plusMonths(3).minusDays(1));
	}

	public static Period month(int year, int month) {
		YearMonth ym = YearMonth.of(year, month);
		return new Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth());
	}

}
