package cn.zibo.livelihood.ingest.layout;

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
 * Turns the data rows under a sheet's header into entries, one per figure: one per row, or one per
 * value column of a district-wide or period-wide table. The data ends at the first note below it
 * (填表人, 注 …). A task, district or indicator merged vertically over several rows is filled down,
 * since every row it spans belongs to it; a merged value is not, since that would invent figures.
 * A row without a district or period takes the sheet's (from its name, title or the file name).
 */
public final class EntryReader {

	private static final Set<Field> FILLED_DOWN = Set.of(Field.TASK, Field.INDICATOR_CODE, Field.INDICATOR_NAME,
			Field.DISTRICT, Field.PERIOD, Field.UNIT, Field.DEPARTMENT);

	private final SheetLayout layout;

	private final Header header;

	private final List<MergedRange> merged;

	private final Map<MergedRange, String> topLeft = new HashMap<>();

	private final String unitLine;

	public EntryReader(SheetLayout layout) {
		this.layout = layout;
		this.header = layout.header();
		this.merged = layout.merged().stream().filter(m -> m.firstRow() > header.bottom()).toList();
		this.unitLine = layout.unitLine() == null ? "" : layout.unitLine().unit();
	}

	public SheetRead read(TabularFile file, Consumer<Entry> entries) throws UnreadableFileException {
		SheetRead read = new SheetRead(layout);
		ReadAhead.readRows(file, layout.sheet(), row -> {
			if (row.rowNo() <= header.bottom() || row.cells().stream().allMatch(String::isBlank)) {
				return true;
			}
			if (NoteLines.isNote(row)) {
				read.notes(row.rowNo());
				return false;
			}
			read.data(row.rowNo());
			emit(row, entries);
			return true;
		});
		return read;
	}

	private void emit(SheetRow row, Consumer<Entry> entries) {
		Cell district = cell(row, Field.DISTRICT);
		if (district.isBlank() && layout.district() != null) {
			district = new Cell("", layout.district().value().name());
		}
		Cell period = cell(row, Field.PERIOD);
		if (period.isBlank() && layout.period() != null && layout.period().value() != null) {
			period = new Cell("", layout.period().value().code());
		}
		Row r = new Row(cell(row, Field.TASK), cell(row, Field.INDICATOR_CODE), cell(row, Field.INDICATOR_NAME),
				cell(row, Field.UNIT), cell(row, Field.REMARK), cell(row, Field.DEPARTMENT));
		if (header.valueColumn()) {
			int column = header.fields().get(Field.VALUE);
			entries.accept(entry(row, r, district, false, period, text(row, column, header.names().get(column)),
					unit(header.units().get(column))));
			return;
		}
		for (ValueColumn v : header.values()) {
			Cell columnDistrict = v.district() == null ? district : new Cell(v.name(), v.district().name());
			Cell columnPeriod = v.period() == null ? period : new Cell(v.name(), v.period().code());
			entries.accept(entry(row, r, columnDistrict, v.district() != null, columnPeriod, text(row, v.column(), v.name()),
					unit(v.unit())));
		}
	}

	/** The cells of a row that every figure of it shares. */
	private record Row(Cell task, Cell code, Cell name, Cell unit, Cell remark, Cell department) {
	}

	private static Entry entry(SheetRow row, Row r, Cell district, boolean districtColumn, Cell period, Cell value,
			String valueUnit) {
		return new Entry(row.sheet(), row.rowNo(), r.task(), r.code(), r.name(), district, districtColumn, period, value,
				valueUnit, r.unit(), r.remark(), r.department());
	}

	/** A unit in the value's heading, else the unit line above the table (when there is no unit column). */
	private String unit(String headingUnit) {
		return headingUnit == null || headingUnit.isEmpty() ? unitLine : headingUnit;
	}

	private Cell cell(SheetRow row, Field field) {
		Integer column = header.fields().get(field);
		if (column == null) {
			return Cell.NONE;
		}
		String text = raw(row, column);
		if (FILLED_DOWN.contains(field)) {
			text = filledDown(row.rowNo(), column, text);
		}
		return new Cell(header.names().get(column), text);
	}

	private static Cell text(SheetRow row, int column, String name) {
		return new Cell(name, raw(row, column));
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

	private static String raw(SheetRow row, int column) {
		return column < row.cells().size() ? row.cells().get(column).strip() : "";
	}

}
