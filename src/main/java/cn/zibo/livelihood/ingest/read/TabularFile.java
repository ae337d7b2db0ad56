package cn.zibo.livelihood.ingest.read;

import java.util.List;

/** An opened CSV/XLSX/XLS file, read sheet by sheet, streaming. */
public interface TabularFile extends AutoCloseable {

	/** Sheet names in workbook order; a CSV file has one sheet, named after the file without extension. */
	List<String> sheetNames();

	/**
	 * Whether a sheet is hidden (or very hidden) in the workbook: a clerk never sees it, so it is
	 * never taken for data. A CSV file's one sheet is never hidden.
	 */
	boolean hidden(String sheet);

	/** Merged cell ranges of a sheet (empty for CSV). */
	List<MergedRange> mergedRanges(String sheet) throws UnreadableFileException;

	/**
	 * Streams the sheet's rows in order until the consumer returns false. Rows without any non-empty
	 * cell are skipped. An exception thrown by the consumer reaches the caller unchanged; rows
	 * delivered before a failure stay delivered.
	 */
	void readRows(String sheet, RowConsumer consumer) throws UnreadableFileException;

	@Override
	void close();

}
