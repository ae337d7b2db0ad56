package cn.zibo.livelihood.ingest.layout;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.ingest.layout.HeaderCells.Shown;
import cn.zibo.livelihood.ingest.layout.Labels.Label;
import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.validate.PeriodHeading;
import cn.zibo.livelihood.validate.Problem;

/**
 * Reads the columns of a header block of one to three rows as combined labels. Each column's labels
 * are read from the bottom up: the first that means something decides it (a sub-heading beats its
 * parent heading), and a district or period decides it together with a period or district heading
 * above it. A column a merged heading only reaches into, with nothing of its own below, is part of
 * the column where that heading starts.
 */
final class HeaderColumns {

	/** Where yearless period headings take their year when no heading above gives one. */
	record Year(Integer year, String from) {
	}

	private record Stacked(Label label, boolean fromLeft, int rowNo) {
	}

	private final HeaderCells cells;

	private final Labels labels;

	private final IntFunction<Year> years;

	private final String sheet;

	private Year year;

	/** @param years the year of yearless headings, given the header's top row (the title is above it) */
	HeaderColumns(HeaderCells cells, Labels labels, IntFunction<Year> years, String sheet) {
		this.cells = cells;
		this.labels = labels;
		this.years = years;
		this.sheet = sheet;
	}

	Header read(int top, int bottom) {
		year = years.apply(top);
		Map<Field, Integer> fields = new EnumMap<>(Field.class);
		Map<Integer, String> names = new LinkedHashMap<>();
		Map<Integer, String> units = new LinkedHashMap<>();
		List<ValueColumn> values = new ArrayList<>();
		List<Integer> parentValues = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		String[] yearFrom = { null };
		int yearless = 0;
		for (int col = 0; col < cells.width(top, bottom); col++) {
			List<Stacked> stack = stack(top, bottom, col);
			int d = stack.size() - 1;
			while (d >= 0 && !stack.get(d).label().meaningful()) {
				d--;
			}
			if (d < 0) {
				if (!stack.isEmpty() && !stack.get(stack.size() - 1).fromLeft()) {
					ignored.add(stack.get(stack.size() - 1).label().text());
				}
				continue;
			}
			Stacked deciding = stack.get(d);
			boolean ownBelow = stack.subList(d + 1, stack.size()).stream().anyMatch(s -> !s.fromLeft());
			if (deciding.fromLeft() && !ownBelow) {
				continue;
			}
			if (deciding.label().field() != null) {
				names.put(col, name(stack, d));
				units.put(col, unit(stack, d));
				if (deciding.label().field() == Field.VALUE && d < stack.size() - 1) {
					parentValues.add(col);
				}
				else {
					field(deciding.label().field(), col, deciding.rowNo(), names, fields, problems);
				}
				continue;
			}
			ValueColumn value = valueColumn(stack, d, col, yearFrom, problems);
			if (value != null) {
				names.put(col, value.name());
				values.add(value);
			}
			else {
				yearless++;
			}
		}
		// a value heading over sub-columns (完成情况 over 本月, 累计) is the value only where no district
		// or period columns say more
		if (values.size() < 2) {
			parentValues.forEach(col -> field(Field.VALUE, col, bottom, names, fields, problems));
		}
		if (fields.containsKey(Field.VALUE)) {
			values.forEach(v -> ignored.add(v.name()));
			values.clear();
		}
		duplicateValueColumns(values, bottom, problems);
		return new Header(top, bottom, fields, names, units, values, ignored, yearFrom[0], yearless, problems);
	}

	private List<Stacked> stack(int top, int bottom, int col) {
		List<Stacked> stack = new ArrayList<>();
		for (int rowNo = top; rowNo <= bottom; rowNo++) {
			Shown shown = cells.shown(rowNo, col, top);
			if (shown.isBlank() || TitleLines.isTitleCell(shown.text())
					|| !stack.isEmpty() && stack.get(stack.size() - 1).label().text().equals(shown.text())) {
				continue;
			}
			stack.add(new Stacked(labels.of(shown.text()), shown.fromLeft(), rowNo));
		}
		return stack;
	}

	private ValueColumn valueColumn(List<Stacked> stack, int d, int col, String[] yearFrom, List<Problem> problems) {
		District district = stack.get(d).label().district();
		PeriodHeading heading = stack.get(d).label().period();
		int used = d;
		for (int i = d - 1; i >= 0; i--) {
			Label above = stack.get(i).label();
			if (district == null && above.district() != null || heading == null && above.period() != null) {
				district = district == null ? above.district() : district;
				heading = heading == null ? above.period() : heading;
				used = i;
			}
		}
		String name = name(stack, used);
		Period period = null;
		if (heading != null) {
			Optional<Integer> fromAbove = Optional.empty();
			for (int i = used - 1; i >= 0 && fromAbove.isEmpty() && !heading.hasYear(); i--) {
				fromAbove = PeriodHeading.yearIn(stack.get(i).label().text());
				if (fromAbove.isPresent()) {
					yearFrom[0] = "上方的表头“" + stack.get(i).label().text() + "”";
				}
			}
			if (heading.hasYear() || fromAbove.isPresent()) {
				period = heading.in(fromAbove.orElse(0));
			}
			else if (year.year() != null) {
				period = heading.in(year.year());
				yearFrom[0] = yearFrom[0] == null ? year.from() : yearFrom[0];
			}
			else {
				problems.add(new Problem(sheet, stack.get(d).rowNo(), name, name, "no_year", "第" + stack.get(d).rowNo()
						+ "行表头“" + name + "”没有写年份，上方的表头、工作表名、标题行和文件名中也没有年份。"
						+ "请在标题中写明年份（如“2024年”），或把表头写成“2024年" + stack.get(d).label().text() + "”的形式"));
				return null;
			}
		}
		return new ValueColumn(col, name, district, period, unit(stack, d));
	}

	/** The heading as written: the sub-heading, with the headings above it that it was read with. */
	private static String name(List<Stacked> stack, int from) {
		return stack.subList(from, stack.size()).stream().map(s -> s.label().text()).collect(Collectors.joining("/"));
	}

	/** A unit in brackets in the deciding heading, else in one above it (完成情况(万元) over 数值 and 单位). */
	private static String unit(List<Stacked> stack, int d) {
		for (int i = d; i >= 0; i--) {
			String unit = stack.get(i).label().unit();
			if (!unit.isEmpty()) {
				return unit;
			}
		}
		return "";
	}

	private void field(Field field, int col, int rowNo, Map<Integer, String> names, Map<Field, Integer> fields,
			List<Problem> problems) {
		Integer earlier = fields.putIfAbsent(field, col);
		if (earlier != null) {
			problems.add(duplicate(rowNo, names.get(col), names.get(earlier)));
		}
	}

	private void duplicateValueColumns(List<ValueColumn> values, int rowNo, List<Problem> problems) {
		Map<String, ValueColumn> seen = new LinkedHashMap<>();
		for (ValueColumn v : values) {
			String key = (v.district() == null ? "" : v.district().code()) + "|" + (v.period() == null ? "" : v.period().code());
			ValueColumn earlier = seen.putIfAbsent(key, v);
			if (earlier != null) {
				problems.add(duplicate(rowNo, v.name(), earlier.name()));
			}
		}
	}

	private Problem duplicate(int rowNo, String header, String earlier) {
		return new Problem(sheet, rowNo, header, header, "duplicate_header", "第" + rowNo + "行表头“" + header + "”与“" + earlier
				+ "”表示同一项内容。请删除或改名其中一列，每项内容只保留一列");
	}

}
