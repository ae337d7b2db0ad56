package cn.zibo.livelihood.ingest.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a file was read, in Chinese, for the top of its receipt and for {@code check}: the sheets read,
 * the header rows, which column became which field, the layout, and where the period, district and
 * unit came from. A clerk who gets a surprising result sees why; an operator sees what a mapping
 * would have to say. Each line is {@code 名称：内容}, in full-width punctuation as Chinese forms write,
 * periods in their Chinese form; sheets read alike share their lines. A CSV file has no sheets to
 * name: its one "sheet" is the file itself.
 */
public final class ReadingText {

	private static final Map<Field, String> FIELDS = Map.of(Field.TASK, "任务编号", Field.INDICATOR_CODE, "指标编码",
			Field.INDICATOR_NAME, "指标名称", Field.DISTRICT, "区县", Field.PERIOD, "报告期", Field.VALUE, "数值", Field.UNIT, "单位",
			Field.REMARK, "备注", Field.DEPARTMENT, "填报单位");

	private ReadingText() {
	}

	/**
	 * @param reads what reading each sheet found, in the layout's order; empty when the data was not read
	 * @param csv whether the file is a CSV text file rather than a workbook
	 */
	public static List<String> lines(FileLayout file, List<SheetRead> reads, boolean csv) {
		List<String> lines = new ArrayList<>();
		List<SheetLayout> sheets = file.sheets();
		if (!sheets.isEmpty()) {
			if (csv) {
				lines.add("文件格式：CSV文本文件" + (reads.isEmpty() ? "" : rows(reads.get(0))));
			}
			else {
				List<String> named = new ArrayList<>();
				for (int i = 0; i < sheets.size(); i++) {
					named.add(sheets.get(i).sheet() + (i < reads.size() ? rows(reads.get(i)) : ""));
				}
				lines.add("读取的工作表：" + String.join("、", named));
			}
			String kinds = sheets.stream().map(SheetLayout::kind).distinct().collect(Collectors.joining("、"));
			lines.add("版式：" + (sheets.size() > 1 ? "分表（" + sheets.size() + "个工作表合为一份报送，各表" + kinds + "）" : kinds));
			Map<List<String>, List<String>> alike = new LinkedHashMap<>();
			sheets.forEach(sheet -> alike.computeIfAbsent(describe(sheet), d -> new ArrayList<>()).add(sheet.sheet()));
			alike.forEach((description, names) -> description
				.forEach(line -> lines.add((sheets.size() > 1 ? "[" + String.join("、", names) + "]" : "") + line)));
		}
		if (!file.skipped().isEmpty()) {
			lines.add("未读取的工作表：" + file.skipped().stream().map(s -> s.sheet() + "（" + s.reason() + "）")
				.collect(Collectors.joining("、")));
		}
		return lines;
	}

	private static String rows(SheetRead read) {
		if (read.firstRow() == 0) {
			return "（表头下没有数据" + (read.notesRow() > 0 ? "，第" + read.notesRow() + "行起为表尾注释" : "") + "）";
		}
		return "（数据在第" + span(read.firstRow(), read.lastRow()) + "行"
				+ (read.notesRow() > 0 ? "，第" + read.notesRow() + "行起为表尾注释，不作为数据" : "") + "）";
	}

	private static List<String> describe(SheetLayout sheet) {
		Header h = sheet.header();
		List<String> lines = new ArrayList<>();
		lines.add("表头：第" + span(h.top(), h.bottom()) + "行" + (h.bottom() > h.top() ? "（" + (h.bottom() - h.top() + 1)
				+ "行表头，按合并单元格合并读取）" : "") + (h.top() > 1 ? "，其上为标题行" : ""));
		lines.add("列：" + columns(h));
		lines.add("报告期：" + period(sheet));
		lines.add("区县：" + district(sheet));
		lines.add("单位：" + unit(sheet));
		return lines;
	}

	private static String columns(Header h) {
		List<String> parts = new ArrayList<>();
		h.fields().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> parts
			.add(ColumnLetters.of(e.getValue()) + "列“" + h.names().get(e.getValue()) + "”→" + FIELDS.get(e.getKey())));
		if (!h.values().isEmpty()) {
			ValueColumn first = h.values().get(0);
			ValueColumn last = h.values().get(h.values().size() - 1);
			String what = first.period() != null ? (first.district() != null ? "各期各区县的数值" : "各期的数值") : "各区县的数值";
			parts.add(ColumnLetters.of(first.column()) + (first == last ? "" : "–" + ColumnLetters.of(last.column())) + "列→"
					+ what + "（" + h.values().stream().map(ReadingText::valueColumn).collect(Collectors.joining("、")) + "）");
		}
		String read = String.join("；", parts);
		return h.ignored().isEmpty() ? read : read + "；未读取的列：" + String.join("、", h.ignored());
	}

	/** The heading, and the period it stands for; a district is always named in the heading itself. */
	private static String valueColumn(ValueColumn v) {
		return v.period() == null || v.name().equals(v.period().chinese()) ? v.name() : v.name() + "=" + v.period().chinese();
	}

	private static String period(SheetLayout sheet) {
		Header h = sheet.header();
		String fallback = sheet.period() == null || sheet.period().value() == null ? ""
				: "取自" + sheet.period().from() + ("工作表名".equals(sheet.period().from()) ? "" : "（" + sheet.period().value().chinese() + "）");
		if (h.values().stream().anyMatch(v -> v.period() != null)) {
			return "取自各列表头（每列一期）" + (h.yearFrom() == null ? "" : "，未写年份的按" + h.yearFrom() + "的年份");
		}
		if (h.fields().containsKey(Field.PERIOD)) {
			return "取自“" + h.name(Field.PERIOD) + "”列" + (fallback.isEmpty() ? "" : "；该列未填的" + fallback);
		}
		return fallback.isEmpty() ? "未找到（没有报告期列，工作表名、标题行和文件名中也没有报告期）" : fallback;
	}

	private static String district(SheetLayout sheet) {
		Header h = sheet.header();
		String fallback = sheet.district() == null ? "全市" : "取自工作表名";
		if (h.values().stream().anyMatch(v -> v.district() != null)) {
			return "取自各列表头（每列一个区县）";
		}
		if (h.fields().containsKey(Field.DISTRICT)) {
			return "取自“" + h.name(Field.DISTRICT) + "”列；未填的为" + ("全市".equals(fallback) ? "全市" : "工作表名所示的区县");
		}
		return "全市".equals(fallback) ? "全市（文件中没有区县）" : fallback;
	}

	private static String unit(SheetLayout sheet) {
		Header h = sheet.header();
		if (h.fields().containsKey(Field.UNIT)) {
			return "取自“" + h.name(Field.UNIT) + "”列；未填的按各指标规定的单位";
		}
		List<String> headings = new ArrayList<>();
		if (h.valueColumn() && !h.units().getOrDefault(h.fields().get(Field.VALUE), "").isEmpty()) {
			headings.add(h.name(Field.VALUE));
		}
		h.values().stream().filter(v -> !v.unit().isEmpty()).forEach(v -> headings.add(v.name()));
		String line = sheet.unitLine() == null ? "" : "表格上方第" + sheet.unitLine().rowNo() + "行的“" + sheet.unitLine().text() + "”";
		if (!headings.isEmpty()) {
			return "取自表头“" + String.join("”“", headings) + "”" + (line.isEmpty() ? "" : "；其余取自" + line);
		}
		return line.isEmpty() ? "文件中没有写单位，按各指标规定的单位（数值后写了单位的，按所写单位）" : "取自" + line;
	}

	private static String span(int from, int to) {
		return from == to ? String.valueOf(from) : from + "–" + to;
	}

}
