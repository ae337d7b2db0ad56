package cn.zibo.livelihood.ingest.layout;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a file is read: the sheets whose header matches, in workbook order, and the sheets not read
 * with the reason (hidden, or no header).
 */
public record FileLayout(List<SheetLayout> sheets, List<Skipped> skipped) {

	/** A sheet not read, and why, in Chinese. */
	public record Skipped(String sheet, String reason) {
	}

	public FileLayout {
		sheets = List.copyOf(sheets);
		skipped = List.copyOf(skipped);
	}

	/** The names of the sheets read, as the submission records them (、 between several); null when none. */
	public String sheetNames() {
		return sheets.isEmpty() ? null : sheets.stream().map(SheetLayout::sheet).collect(Collectors.joining("、"));
	}

}
