package cn.zibo.livelihood.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.ingest.read.SheetRow;
import cn.zibo.livelihood.ingest.read.TabularFile;
import cn.zibo.livelihood.ingest.read.UnreadableFileException;
import cn.zibo.livelihood.validate.Problem;
import cn.zibo.livelihood.validate.Text;

/**
 * Finds the header row below any title rows, on the sheet whose header matches (a workbook's first
 * sheet is often 填报说明). A header row names the value (or, district-wide, at least two districts)
 * and the indicator (by task, code or name). Header matches are counted explicitly, and a field
 * named twice is refused rather than one column silently winning.
 */
final class LayoutDetector {

	static final int MAX_TITLE_ROWS = 30;

	private final Mapping mapping;

	private final Catalogue catalogue;

	LayoutDetector(Mapping mapping, Catalogue catalogue) {
		this.mapping = mapping;
		this.catalogue = catalogue;
	}

	/** The layout, or a file-level problem saying why none was found. */
	Layout detect(TabularFile file, List<Problem> problems) throws UnreadableFileException {
		for (String sheet : file.sheetNames()) {
			List<SheetRow> top = new ArrayList<>();
			file.readRows(sheet, row -> {
				if (row.rowNo() > MAX_TITLE_ROWS) {
					return false;
				}
				top.add(row);
				return true;
			});
			StringBuilder title = new StringBuilder();
			for (SheetRow row : top) {
				List<Problem> rowProblems = new ArrayList<>();
				Optional<Layout> layout = header(row, title.toString().strip(), rowProblems);
				if (layout.isPresent()) {
					problems.addAll(rowProblems);
					return rowProblems.isEmpty() ? layout.get() : null;
				}
				row.cells().stream().filter(c -> !c.isBlank()).forEach(c -> title.append(c.strip()).append(' '));
			}
		}
		problems.add(Problem.ofFile("no_header", "没有找到表头:文件各工作表的前" + MAX_TITLE_ROWS + "行中没有同时含“指标编码/指标名称/任务编号”"
				+ "和“数值/完成值”(或各区县名称)的表头行。请使用填报模板,或按填报说明命名列"));
		return null;
	}

	private Optional<Layout> header(SheetRow row, String title, List<Problem> problems) {
		Map<Field, Integer> columns = new EnumMap<>(Field.class);
		Map<Integer, String> headers = new LinkedHashMap<>();
		Map<Integer, String> districts = new LinkedHashMap<>();
		for (int col = 0; col < row.cells().size(); col++) {
			String text = row.cells().get(col);
			if (text.isBlank()) {
				continue;
			}
			headers.put(col, text.strip());
			Optional<Field> field = mapping.fieldOf(text);
			if (field.isPresent()) {
				Integer earlier = columns.putIfAbsent(field.get(), col);
				if (earlier != null) {
					problems.add(duplicate(row, text, headers.get(earlier)));
				}
				continue;
			}
			Optional<District> district = catalogue.district(Text.key(text));
			if (district.isPresent()) {
				if (districts.containsValue(district.get().code())) {
					problems.add(duplicate(row, text, district.get().name()));
				}
				districts.put(col, district.get().code());
			}
		}
		boolean names = columns.containsKey(Field.TASK) || columns.containsKey(Field.INDICATOR_CODE)
				|| columns.containsKey(Field.INDICATOR_NAME);
		boolean values = columns.containsKey(Field.VALUE) || districts.size() >= 2;
		if (!names || !values) {
			return Optional.empty();
		}
		return Optional.of(new Layout(row.sheet(), row.rowNo(), columns, headers,
				columns.containsKey(Field.VALUE) ? Map.of() : districts, title));
	}

	private static Problem duplicate(SheetRow row, String header, String earlier) {
		return new Problem(row.sheet(), row.rowNo(), header.strip(), header.strip(), "duplicate_header", "第" + row.rowNo()
				+ "行表头“" + header.strip() + "”与“" + earlier + "”表示同一项内容。请删除或改名其中一列,每项内容只保留一列");
	}

}
