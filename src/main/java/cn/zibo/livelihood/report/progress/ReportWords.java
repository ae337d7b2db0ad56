package cn.zibo.livelihood.report.progress;

import java.util.List;
import java.util.Map;

import cn.zibo.livelihood.report.progress.ReportStyles.Fill;
import cn.zibo.livelihood.report.ViewWords;

/**
 * The Chinese the city office reads for the views' codes ({@link ViewWords}), and the colour each
 * status is painted. A code the views may add later is shown as it is, uncoloured, rather than
 * failing the report.
 */
final class ReportWords {

	/** reporting.indicator_progress.status, in the order the overview counts them. */
	static final List<String> PROGRESS = List.of("achieved", "on_track", "behind", "no_data");

	private static final Map<String, Fill> FILLS = Map.ofEntries(Map.entry("achieved", Fill.GREEN),
			Map.entry("on_track", Fill.BLUE), Map.entry("behind", Fill.RED), Map.entry("no_data", Fill.GREY),
			Map.entry("not_started", Fill.YELLOW), Map.entry("in_progress", Fill.BLUE), Map.entry("done", Fill.GREEN),
			Map.entry("delayed", Fill.RED), Map.entry("open", Fill.ORANGE), Map.entry("closed", Fill.GREY),
			Map.entry("on_time", Fill.GREEN), Map.entry("late", Fill.YELLOW), Map.entry("pending", Fill.BLUE),
			Map.entry("incomplete", Fill.ORANGE), Map.entry("missing", Fill.RED), Map.entry("loaded", Fill.GREEN),
			Map.entry("rejected", Fill.RED), Map.entry("duplicate", Fill.GREY), Map.entry("superseded", Fill.GREY),
			Map.entry("received", Fill.BLUE));

	/** What a task without a reported status shows. */
	static final String NOT_REPORTED = "未报送";

	private static final String NUMERALS = "零一二三四五六七八九";

	private ReportWords() {
	}

	static String chinese(String code) {
		return ViewWords.chinese(code);
	}

	static Fill fill(String code) {
		return code == null ? Fill.NONE : FILLS.getOrDefault(code, Fill.NONE);
	}

	/** 一 … 九十九, as campaigns and sections are numbered. */
	static String numeral(int n) {
		if (n < 10) {
			return String.valueOf(NUMERALS.charAt(n));
		}
		return (n >= 20 ? String.valueOf(NUMERALS.charAt(n / 10)) : "") + "十" + (n % 10 == 0 ? "" : NUMERALS.charAt(n % 10));
	}

	/** 实施教育品质提升三年攻坚行动 → 教育: short enough for a column or a chart's axis. */
	static String shortCampaign(String campaignName) {
		String inner = campaignName.replaceFirst("^实施", "").replaceFirst("品质提升三年攻坚行动$", "");
		return inner.isEmpty() ? campaignName : inner;
	}

	/** ≥, ≤, 约 or nothing (=), put before a target. */
	static String comparator(String comparator) {
		return switch (comparator == null ? "" : comparator) {
			case ">=" -> "≥";
			case "<=" -> "≤";
			case "≈" -> "约";
			default -> "";
		};
	}

	/** 2024年第三季度, or the code as given when it is not a period. */
	static String period(String code) {
		return ViewWords.period(code);
	}

}
