package cn.zibo.livelihood.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import cn.zibo.livelihood.ingest.read.MergedRange;
import cn.zibo.livelihood.ingest.read.ReadAhead;
import cn.zibo.livelihood.ingest.read.SheetRow;
import cn.zibo.livelihood.ingest.read.TabularFile;
import cn.zibo.livelihood.ingest.read.UnreadableFileException;
import cn.zibo.livelihood.validate.Entry;
import cn.zibo.livelihood.validate.Entry.Cell;

/**
 * Turns the data rows under a header into entries, one per figure: one per row, or one per district
 * column in a district-wide layout. A task, district or indicator merged vertically over several
 * rows is filled down, since every row it spans belongs to it; a merged value is not, since that
 * would invent figures.
 */
final class EntryReader {

	private static final Set<Field> FILLED_DOWN = Set.of(Field.TASK, Field.INDICATOR_CODE, Field.INDICATOR_NAME,
			Field.DISTRICT, Field.PERIOD, Field.UNIT, Field.DEPARTMENT);

	private final Layout layout;

	private final List<MergedRange> merged;

	private final Map<MergedRange, String> topLeft = new HashMap<>();

	EntryReader(Layout layout, List<MergedRange> merged) {
		this.layout = layout;
		this.merged = merged.stream().filter(m -> m.firstRow() > layout.headerRowNo()).toList();
	}

	void read(TabularFile file, Consumer<Entry> entries) throws UnreadableFileException {
		ReadAhead.readRows(file, layout.sheet(), row -> {
			if (row.rowNo() > layout.headerRowNo() && row.cells().stream().anyMatch(c -> !c.isBlank())) {
				emit(row, entries);
			}
			return true;
		});
	}

	private void emit(SheetRow row, Consumer<Entry> entries) {
		if (!layout.districtWide()) {
			int valueColumn = layout.columns().get(Field.VALUE);
			entries.accept(entry(row, cell(row, Field.DISTRICT), false, cell(row, valueColumn), layout.headerUnit(valueColumn)));
			return;
		}
		layout.districtColumns()
			.forEach((column, code) -> entries.accept(entry(row, new Cell(layout.headers().get(column), code), true,
					cell(row, column), layout.headerUnit(column))));
	}

	private Entry entry(SheetRow row, Cell district, boolean districtColumn, Cell value, String valueUnit) {
		return new Entry(row.sheet(), row.rowNo(), cell(row, Field.TASK), cell(row, Field.INDICATOR_CODE),
				cell(row, Field.INDICATOR_NAME), district, districtColumn, cell(row, Field.PERIOD), value, valueUnit,
				cell(row, Field.UNIT), cell(row, Field.REMARK), cell(row, Field.DEPARTMENT));
	}

	private Cell cell(SheetRow row, Field field) {
		Integer column = layout.columns().get(field);
		if (column == null) {
			return Cell.NONE;
		}
		String text = text(row, column);
		if (FILLED_DOWN.contains(field)) {
			text = filledDown(row.rowNo(), column, text);
		}
		return new Cell(layout.headers().get(column), text);
	}

	private Cell cell(SheetRow row, int column) {
		return new Cell(layout.headers().get(column), text(row, column));
	}

	private String filledDown(int rowNo, int column, String text) {
		for (MergedRange range : merged) {
			if (rowNo >= range.firstRow() && rowNo <= range.lastRow() && column >= range.firstColumn()
					&& column <= range.lastColumn()) {
				if (rowNo == range.firstRow() && column == range.firstColumn()) {
					topLeft.put(range, text);
				}
				else if (text.isBlank()) {
					return topLeft.getOrDefault(range, text);
				}
			}
		}
		return text;
	}

	private static String text(SheetRow row, int column) {
		return column < row.cells().size() ? row.cells().get(column).strip() : "";
	}

}
