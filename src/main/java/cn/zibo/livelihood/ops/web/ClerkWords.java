package cn.zibo.livelihood.ops.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.validate.Period;

/**
 * What a department clerk reads for the pipeline's codes: status words, periods as 2024年第三季度,
 * dates, and numbers with separators; the same words as the receipts and the progress workbook.
 * A code nobody foresaw reads as 其他, never as itself.
 */
final class ClerkWords {

	static final ClerkWords INSTANCE = new ClerkWords();

	/** An upload the intake has not taken yet: no submission exists for it. */
	static final String WAITING = "waiting";

	private static final Map<String, String> SUBMISSION = Map.of(WAITING, "等待接收", "received", "处理中", "loaded", "已入库",
			"rejected", "已退回", "duplicate", "重复文件，未重复入库", "superseded", "已被更正");

	private static final Map<String, String> COMPLETENESS = Map.of("on_time", "按时报齐", "late", "逾期报齐", "pending",
			"未到截止日", "incomplete", "未报齐", "missing", "未报送", "nothing_due", "本期无应报指标");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private ClerkWords() {
	}

	/** A submission's status; a loaded file that left figures out is 部分入库. */
	public String submission(String status, long rowsRejected) {
		if ("loaded".equals(status) && rowsRejected > 0) {
			return "部分入库";
		}
		return SUBMISSION.getOrDefault(status, "其他");
	}

	public String submission(String status) {
		return submission(status, 0);
	}

	public String completeness(String status) {
		return COMPLETENESS.getOrDefault(status, "其他");
	}

	/** 2024Q3 → 2024年第三季度; a text that is no period stays as written. */
	public String period(String code) {
		return code == null ? "" : Period.parse(code).map(ChineseForms::period).orElse(code);
	}

	/** Several periods as a submission lists them ("2024Q2, 2024Q3"). */
	public String periods(String codes) {
		if (codes == null || codes.isBlank()) {
			return "—";
		}
		return String.join("、", java.util.Arrays.stream(codes.split(",\\s*")).map(this::period).toList());
	}

	public String date(LocalDate date) {
		return date == null ? "—" : DATE.format(date);
	}

	public String time(OffsetDateTime time) {
		return time == null ? "—" : TIME.format(time.atZoneSameInstant(ZoneId.systemDefault()));
	}

	/** 12345 → 12,345. */
	public String count(Number n) {
		return n == null ? "0" : NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(n);
	}

	/** 1536000 bytes → 1.5 MB. */
	public String size(long bytes) {
		return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1024.0 / 1024.0) : String.format("%.1f KB", bytes / 1024.0);
	}

}
