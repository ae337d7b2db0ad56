package cn.zibo.livelihood.ops.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zibo.livelihood.reconcile.DiscrepancyKind;
import cn.zibo.livelihood.report.ViewWords;

/**
 * What the city office's operators read for the codes of the reporting views: progress, completeness
 * and submission statuses, kinds of finding; periods as 2024年第三季度, numbers with separators and
 * ≥ / ≤ ({@link RunWords} says the same of runs). A code nobody foresaw reads as
 * 其他, never as itself: the code stays in a {@code data-} attribute for tests and tools.
 */
final class OperatorWords {

	static final OperatorWords INSTANCE = new OperatorWords();

	private static final Map<String, String> PROGRESS = Map.of("achieved", "已完成目标", "on_track", "符合序时进度", "behind",
			"滞后于序时进度", "no_data", "无数据");

	private static final Pattern SUBMISSION_REFERENCE = Pattern.compile("报送#(\\d+)");

	private OperatorWords() {
	}

	public String progress(String status) {
		return PROGRESS.getOrDefault(status, "其他");
	}

	public String completeness(String status) {
		return ClerkWords.INSTANCE.completeness(status);
	}

	/** A submission's status as the clerks read it, except a file not yet processed: 待处理, as the overview counts it. */
	public String submission(String status, long rowsRejected) {
		return "received".equals(status) ? "待处理" : ClerkWords.INSTANCE.submission(status, rowsRejected);
	}

	public String kind(String kind) {
		return DiscrepancyKind.of(kind).map(DiscrepancyKind::chineseName).orElse("其他");
	}

	/** 全市 for the city, as the forms write it; a district or zone by its name. */
	public String district(Object code, Object name) {
		if (Progress.CITY.equals(code)) {
			return "全市";
		}
		return name == null ? "—" : name.toString();
	}

	public String period(Object code) {
		return code == null ? "—" : ViewWords.period(code.toString());
	}

	/** 2024年10月10日, from a date as JDBC or Java gives it. */
	public String date(Object date) {
		if (date instanceof java.sql.Date sql) {
			return ClerkWords.INSTANCE.date(sql.toLocalDate());
		}
		return date instanceof java.time.LocalDate local ? ClerkWords.INSTANCE.date(local) : "—";
	}

	public String periods(String codes) {
		return ClerkWords.INSTANCE.periods(codes);
	}

	/** 12345 → 12,345. */
	public String count(Number n) {
		return ClerkWords.INSTANCE.count(n);
	}

	/** A figure with separators and without trailing zeros: 1,500, 6.5, 1,980,000,000. */
	public String number(Object value) {
		if (value == null) {
			return "—";
		}
		if (!(value instanceof Number)) {
			return value.toString();
		}
		DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(new BigDecimal(value.toString()));
	}

	/** A target's comparator as the forms write it: ≥, ≤. */
	public String comparator(Object comparator) {
		if (comparator == null) {
			return "";
		}
		return switch (comparator.toString()) {
			case ">=" -> "≥";
			case "<=" -> "≤";
			default -> comparator.toString();
		};
	}

	/** A target: ≥3,000. */
	public String target(Object comparator, Object value) {
		return comparator(comparator) + number(value);
	}

	/** A part of a finding's text: plain text, or a reference to a submission (报送#6) to link. */
	record Part(String text, Long submission) {
	}

	/** A finding's text cut at its submission references, with ASCII ≥ / ≤ written as the forms write them. */
	public List<Part> parts(Object details) {
		List<Part> parts = new ArrayList<>();
		if (details == null) {
			return parts;
		}
		String text = details.toString().replace(">=", "≥").replace("<=", "≤");
		Matcher m = SUBMISSION_REFERENCE.matcher(text);
		int at = 0;
		while (m.find()) {
			if (m.start() > at) {
				parts.add(new Part(text.substring(at, m.start()), null));
			}
			parts.add(new Part(m.group(), Long.parseLong(m.group(1))));
			at = m.end();
		}
		if (at < text.length()) {
			parts.add(new Part(text.substring(at), null));
		}
		return parts;
	}

}
