package cn.zibo.livelihood.ops.text;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * The Chinese words for the codes the pipeline keeps, as an operator or a clerk reads them: a code
 * never reaches them bare. An unknown code is shown as it is, so that nothing is hidden.
 */
public final class Words {

	private static final Map<String, String> JOBS = Map.of("ingestJob", "数据接收", "reconcileJob", "数据核对",
			"catalogueLoadJob", "目录加载");

	private static final Map<String, String> RUN_STATUSES = Map.of("COMPLETED", "已完成", "FAILED", "失败", "STARTED", "运行中",
			"STARTING", "启动中", "STOPPING", "停止中", "STOPPED", "已停止", "ABANDONED", "已放弃", "UNKNOWN", "状态不明");

	private static final Map<String, String> SUBMISSION_STATUSES = Map.of("received", "待处理", "loaded", "已入库", "rejected",
			"未入库", "duplicate", "重复报送", "superseded", "已被更正");

	private Words() {
	}

	public static String job(String name) {
		return JOBS.getOrDefault(name, name);
	}

	public static String runStatus(String status) {
		return RUN_STATUSES.getOrDefault(status, status);
	}

	public static String submissionStatus(String status) {
		return SUBMISSION_STATUSES.getOrDefault(status, status);
	}

	/** 12,500 and 1,980,000,000.5: grouped by thousands, as many decimals as the value has. */
	public static String number(BigDecimal value) {
		if (value == null) {
			return "";
		}
		DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setParseBigDecimal(true);
		return format.format(value.stripTrailingZeros());
	}

	public static String number(long value) {
		return number(BigDecimal.valueOf(value));
	}

}
