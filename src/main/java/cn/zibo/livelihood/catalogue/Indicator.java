package cn.zibo.livelihood.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One quantitative target of a task ({@code T002-01}), or a task's progress indicator
 * ({@code T002-00}), whose unit, comparator, target and deadline are empty.
 *
 * @param deadline null for annual targets, which are due at the end of every year
 * @param sourcePhrase the exact phrase of the task text the target comes from
 */
public record Indicator(String code, int taskNo, String name, String unit, String comparator, BigDecimal target,
		Basis basis, LocalDate deadline, boolean additive, String sourcePhrase) {

	public static final String STATUS_NAME = "任务进展";

	public static String code(int taskNo, int seq) {
		return String.format("T%03d-%02d", taskNo, seq);
	}

	static Indicator statusOf(int taskNo) {
		return new Indicator(code(taskNo, 0), taskNo, STATUS_NAME, null, null, null, Basis.STATUS, null, false, null);
	}

	public boolean isStatus() {
		return basis == Basis.STATUS;
	}

}
