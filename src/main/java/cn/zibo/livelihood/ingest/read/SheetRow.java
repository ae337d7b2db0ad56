package cn.zibo.livelihood.ingest.read;

import java.util.List;

/**
 * One row of a sheet, every cell as text.
 *
 * @param sheet the sheet's name
 * @param rowNo the row number a person sees: Excel's 1-based row number; for CSV the 1-based line
 * on which the record starts
 * @param cells index = 0-based column; a missing cell is {@code ""}, never null, so a row with a
 * value only in column D has 4 cells; trailing empty cells are not included
 */
public record SheetRow(String sheet, int rowNo, List<String> cells) {

	public SheetRow {
		cells = List.copyOf(cells);
	}

}
