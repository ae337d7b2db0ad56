package cn.zibo.livelihood.report.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.catalogue.Indicator;
import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.validate.Period;

/**
 * What one department's fill-in template holds: a row for every indicator of every task it leads,
 * in task order (the task's {@code -00} progress row first, then its targets). Only indicators that
 * add up across districts get district rows (全市 first, then every district in code order): a rate
 * or a per-capita level is reported for the city as a whole, and asking each district for it would
 * multiply the file by twelve for figures nobody sums.
 *
 * @param catalogueVersion the catalogue version the rows come from, recorded in the workbook
 */
public record Template(Department department, Period period, int catalogueVersion, String seedSha256,
		List<Row> rows) {

	/** One line to fill: an indicator for a district. */
	public record Row(Indicator indicator, District district) {
	}

	/** @throws IllegalArgumentException for a group lead (成员单位), which has no inbox */
	public static Template of(Catalogue catalogue, int versionId, Department department, Period period) {
		if (department.group()) {
			throw new IllegalArgumentException(department.name() + " is a group lead (成员单位) with no inbox of its own");
		}
		List<District> districts = new ArrayList<>(catalogue.districts());
		districts.sort(Comparator.comparing((District d) -> !d.code().equals(District.CITY_CODE)).thenComparing(District::code));
		District city = districts.get(0);
		List<Row> rows = new ArrayList<>();
		catalogue.tasks()
			.stream()
			.filter(task -> catalogue.leadsOf(task.no()).contains(department.code()))
			.forEach(task -> catalogue.indicators()
				.stream()
				.filter(i -> i.taskNo() == task.no())
				.sorted(Comparator.comparing(Indicator::code))
				.forEach(i -> (i.additive() ? districts : List.of(city)).forEach(d -> rows.add(new Row(i, d)))));
		return new Template(department, period, versionId, catalogue.seedSha256(), List.copyOf(rows));
	}

	/** 市教育局2024年第三季度民生重点任务进展填报表: the ingest reads the period back from this title. */
	public String title() {
		return department.name() + ChineseForms.period(period) + "民生重点任务进展填报表";
	}

	public long indicatorCount() {
		return rows.stream().map(r -> r.indicator().code()).distinct().count();
	}

	public long taskCount() {
		return rows.stream().map(r -> r.indicator().taskNo()).distinct().count();
	}

}
