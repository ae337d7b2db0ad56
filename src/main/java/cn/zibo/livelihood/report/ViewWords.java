package cn.zibo.livelihood.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.validate.Status;

/**
 * The Chinese the city office reads for the codes of the reporting views (statuses, kinds of
 * finding, bases) and for period codes. A code the views may add later is shown as it is.
 */
public final class ViewWords {

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("achieved", "已完成"),
			Map.entry("on_track", "序时推进"), Map.entry("behind", "滞后"), Map.entry("no_data", "无数据"),
			Map.entry("not_started", Status.NOT_STARTED.chinese()), Map.entry("in_progress", Status.IN_PROGRESS.chinese()),
			Map.entry("done", Status.DONE.chinese()), Map.entry("delayed", Status.DELAYED.chinese()),
			Map.entry("co_lead_mismatch", "牵头部门数值不一致"), Map.entry("district_sum_mismatch", "区县合计与全市不符"),
			Map.entry("cumulative_decrease", "累计值下降"), Map.entry("outlier", "异常值"), Map.entry("open", "待核实"),
			Map.entry("closed", "已关闭"), Map.entry("on_time", "按时报齐"), Map.entry("late", "逾期报齐"),
			Map.entry("pending", "未到截止日"), Map.entry("incomplete", "未报齐"), Map.entry("missing", "未报送"),
			Map.entry("loaded", "已入库"), Map.entry("rejected", "已退回"), Map.entry("duplicate", "重复文件"),
			Map.entry("superseded", "已被更正"), Map.entry("received", "处理中"), Map.entry("cumulative", "累计"),
			Map.entry("annual", "年度"), Map.entry("level", "期末值"));

	/** Period codes read once: a report or an export writes the same few hundreds of times. */
	private static final Map<String, String> PERIODS = new ConcurrentHashMap<>();

	private ViewWords() {
	}

	public static String chinese(String code) {
		return code == null ? null : WORDS.getOrDefault(code, code);
	}

	/** 2024年第三季度, or the code as given when it is not a period. */
	public static String period(String code) {
		return code == null ? "" : PERIODS.computeIfAbsent(code, c -> Period.parse(c).map(ChineseForms::period).orElse(c));
	}

}
