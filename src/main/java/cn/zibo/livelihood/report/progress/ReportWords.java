package cn.zibo.livelihood.report.progress;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.zibo.livelihood.report.progress.ReportStyles.Fill;
import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.validate.Status;

/**
 * The Chinese the city office reads for the views' codes, and the colour each status is painted.
 * A code the views may add later is shown as it is, uncoloured, rather than failing the report.
 */
final class ReportWords {

	/** reporting.indicator_progress.status, in the order the overview counts them. */
	static final List<String> PROGRESS = List.of("achieved", "on_track", "behind", "no_data");

	private static final Map<String, Word> WORDS = Map.ofEntries(
			Map.entry("achieved", new Word("已完成", Fill.GREEN)), Map.entry("on_track", new Word("序时推进", Fill.BLUE)),
			Map.entry("behind", new Word("滞后", Fill.RED)), Map.entry("no_data", new Word("无数据", Fill.GREY)),
			Map.entry("not_started", new Word(Status.NOT_STARTED.chinese(), Fill.YELLOW)),
			Map.entry("in_progress", new Word(Status.IN_PROGRESS.chinese(), Fill.BLUE)),
			Map.entry("done", new Word(Status.DONE.chinese(), Fill.GREEN)),
			Map.entry("delayed", new Word(Status.DELAYED.chinese(), Fill.RED)),
			Map.entry("co_lead_mismatch", new Word("牵头部门数值不一致", Fill.NONE)),
			Map.entry("district_sum_mismatch", new Word("区县合计与全市不符", Fill.NONE)),
			Map.entry("cumulative_decrease", new Word("累计值下降", Fill.NONE)),
			Map.entry("outlier", new Word("异常值", Fill.NONE)), Map.entry("open", new Word("待核实", Fill.ORANGE)),
			Map.entry("closed", new Word("已关闭", Fill.GREY)), Map.entry("on_time", new Word("按时报齐", Fill.GREEN)),
			Map.entry("late", new Word("逾期报齐", Fill.YELLOW)), Map.entry("pending", new Word("未到截止日", Fill.BLUE)),
			Map.entry("incomplete", new Word("未报齐", Fill.ORANGE)), Map.entry("missing", new Word("未报送", Fill.RED)),
			Map.entry("loaded", new Word("已入库", Fill.GREEN)), Map.entry("rejected", new Word("已退回", Fill.RED)),
			Map.entry("duplicate", new Word("重复文件", Fill.GREY)), Map.entry("superseded", new Word("已被更正", Fill.GREY)),
			Map.entry("received", new Word("处理中", Fill.BLUE)), Map.entry("cumulative", new Word("累计", Fill.NONE)),
			Map.entry("annual", new Word("年度", Fill.NONE)), Map.entry("level", new Word("期末值", Fill.NONE)));

	/** What a task without a reported status shows. */
	static final String NOT_REPORTED = "未报送";

	/** Period codes read once: a report writes the same few hundreds of times. */
	private static final Map<String, String> PERIODS = new ConcurrentHashMap<>();

	private static final String NUMERALS = "零一二三四五六七八九";

	private record Word(String chinese, Fill fill) {
	}

	private ReportWords() {
	}

	static String chinese(String code) {
		Word word = code == null ? null : WORDS.get(code);
		return word != null ? word.chinese() : code;
	}

	static Fill fill(String code) {
		Word word = code == null ? null : WORDS.get(code);
		return word != null ? word.fill() : Fill.NONE;
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
		return code == null ? "" : PERIODS.computeIfAbsent(code, c -> Period.parse(c).map(ChineseForms::period).orElse(c));
	}

}
