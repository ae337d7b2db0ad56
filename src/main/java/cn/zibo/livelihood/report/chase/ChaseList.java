package cn.zibo.livelihood.report.chase;

import java.time.LocalDate;
import java.util.List;

import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.validate.Period;

/**
 * Who still owes figures for a period, as it stands on {@code asOf}.
 *
 * @param departments those owing at least one figure: nothing sent first, then some missing, then
 * those not yet due, each in the catalogue's order
 * @param complete how many departments have sent every figure they owe
 */
public record ChaseList(Period period, LocalDate dueDate, LocalDate asOf, List<Owing> departments, long complete) {

	public ChaseList {
		departments = List.copyOf(departments);
	}

	/** 2024年第三季度. */
	public String periodName() {
		return ChineseForms.period(period);
	}

	/** Whether the due date has passed. */
	public boolean overdue() {
		return asOf.isAfter(dueDate);
	}

	/**
	 * One department's debt.
	 *
	 * @param code the department's code, for links and anchors, never shown
	 * @param status {@code missing}, {@code incomplete} or {@code pending}
	 */
	public record Owing(String code, String name, String status, long expected, long reported, List<TaskOwed> tasks) {

		public Owing {
			tasks = List.copyOf(tasks);
		}

		public long missing() {
			return expected - reported;
		}

		/** 未报送, 未报齐, 未到截止日. */
		public String statusName() {
			return cn.zibo.livelihood.report.ViewWords.chinese(status);
		}

	}

	/** A task's indicators not yet reported; {@code task} is the task's text, shortened. */
	public record TaskOwed(int taskNo, String task, List<IndicatorOwed> indicators) {

		public TaskOwed {
			indicators = List.copyOf(indicators);
		}

	}

	/** An indicator not yet reported: its name and unit (a task's status has no unit). */
	public record IndicatorOwed(String code, String name, String unit) {

		/** 新改扩建公办幼儿园（处）. */
		public String label() {
			return unit == null || unit.isBlank() ? name : name + "（" + unit + "）";
		}

	}

}
