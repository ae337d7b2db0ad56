package cn.zibo.livelihood.ingest.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns a stored cell value into the text every reader emits, the same for XLSX and XLS. A number
 * keeps its exact stored value and ignores the display format (a "0"-formatted 3.8 stays 3.8, so no
 * figure is silently rounded); only percent and date formats change what the number means. Dates
 * read {@code yyyy-MM-dd}, with {@code HH:mm:ss} when there is a time of day, and a date-formatted
 * number below 1 (a time alone) reads {@code HH:mm:ss}.
 */
final class CellText {

	/** What a cell's number format says about the number. */
	enum NumberStyle {

		PLAIN, PERCENT, DATE

	}

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

	private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	private CellText() {
	}

	/**
	 * Built-in formats 27-36 and 50-58 are the dates and times of East Asian Excel (e.g. 31 =
	 * yyyy"年"m"月"d"日" on a Chinese system); files carry only the number, which POI knows as
	 * "reserved" or not at all, so they are recognised by number.
	 */
	static NumberStyle styleOf(int formatIndex, String formatString) {
		boolean builtinAsianDate = (formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58);
		if (formatString == null || formatString.startsWith("reserved")) {
			return builtinAsianDate ? NumberStyle.DATE : NumberStyle.PLAIN;
		}
		if (DateUtil.isADateFormat(formatIndex, formatString)) {
			return NumberStyle.DATE;
		}
		return hasPercentSign(formatString) ? NumberStyle.PERCENT : NumberStyle.PLAIN;
	}

	/** A % outside quoted text, escapes and [..] codes. */
	private static boolean hasPercentSign(String format) {
		boolean quoted = false;
		boolean bracket = false;
		for (int i = 0; i < format.length(); i++) {
			char ch = format.charAt(i);
			if (ch == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (ch == '\\' || ch == '_' || ch == '*')) {
				i++;
			}
			else if (!quoted && (ch == '[' || ch == ']')) {
				bracket = (ch == '[');
			}
			else if (!quoted && !bracket && ch == '%') {
				return true;
			}
		}
		return false;
	}

	static String number(String stored, NumberStyle style, boolean date1904) {
		try {
			return number(Double.parseDouble(stored.trim()), style, date1904);
		}
		catch (NumberFormatException ex) {
			return stored;
		}
	}

	static String number(double value, NumberStyle style, boolean date1904) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return String.valueOf(value);
		}
		if (style == NumberStyle.DATE && DateUtil.isValidExcelDate(value)) {
			LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
			if (dateTime != null) {
				// a fraction of a day is a time of day, not a moment on Excel's day zero
				return (value < 1) ? TIME.format(dateTime) : dateTime(dateTime);
			}
		}
		BigDecimal exact = BigDecimal.valueOf(value);
		return (style == NumberStyle.PERCENT) ? plain(exact.movePointRight(2)) + "%" : plain(exact);
	}

	static String bool(boolean value) {
		return value ? "TRUE" : "FALSE";
	}

	/** An ISO 8601 date cell ({@code t="d"}), written by some producers instead of a serial number. */
	static String isoDate(String stored) {
		String text = stored.trim();
		try {
			if (text.length() <= 10) {
				return DATE.format(LocalDate.parse(text));
			}
			return dateTime(LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text));
		}
		catch (DateTimeParseException ex) {
			return stored;
		}
	}

	/** Undoes the {@code _xHHHH_} escapes OOXML uses for control characters in text. */
	static String unescape(String text) {
		if (text.indexOf("_x") < 0) {
			return text;
		}
		Matcher matcher = ESCAPE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(out, "");
			out.append((char) Integer.parseInt(matcher.group(1), 16));
		}
		return matcher.appendTail(out).toString();
	}

	private static String dateTime(LocalDateTime dateTime) {
		return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE.format(dateTime) : DATE_TIME.format(dateTime);
	}

	private static String plain(BigDecimal value) {
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

}
