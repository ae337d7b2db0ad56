package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * An .xls (BIFF8) workbook through POI's HSSF usermodel. Unlike XLSX the whole workbook is loaded
 * when opened; the format caps a sheet at 65,536 rows, so that stays small.
 */
final class XlsTabularFile implements TabularFile {

	private final Path file;

	private final POIFSFileSystem fs;

	private final HSSFWorkbook workbook;

	private final XlsCellValues values;

	private XlsTabularFile(Path file, POIFSFileSystem fs, HSSFWorkbook workbook) {
		this.file = file;
		this.fs = fs;
		this.workbook = workbook;
		this.values = new XlsCellValues(workbook.getInternalWorkbook().isUsing1904DateWindowing());
	}

	static XlsTabularFile open(Path file) throws UnreadableFileException {
		PoiLimits.apply();
		POIFSFileSystem fs = null;
		try {
			fs = new POIFSFileSystem(file.toFile(), true);
			return new XlsTabularFile(file, fs, new HSSFWorkbook(fs.getRoot(), false));
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(fs);
			throw Rejections.failure(file, ex);
		}
	}

	@Override
	public List<String> sheetNames() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			names.add(workbook.getSheetName(i));
		}
		return names;
	}

	@Override
	public boolean hidden(String sheet) {
		int index = workbook.getSheetIndex(sheet(sheet));
		return workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index);
	}

	@Override
	public List<MergedRange> mergedRanges(String sheet) throws UnreadableFileException {
		Sheet found = sheet(sheet);
		try {
			List<MergedRange> ranges = new ArrayList<>();
			for (CellRangeAddress range : found.getMergedRegions()) {
				ranges.add(new MergedRange(range.getFirstRow() + 1, range.getLastRow() + 1, range.getFirstColumn(),
						range.getLastColumn()));
			}
			return ranges;
		}
		catch (RuntimeException ex) {
			throw Rejections.failure(file, "sheet '" + sheet + "' merged cells", "（工作表“" + sheet + "”的合并单元格）", ex);
		}
	}

	@Override
	public void readRows(String sheet, RowConsumer consumer) throws UnreadableFileException {
		Sheet found = sheet(sheet);
		int rowNo = 0;
		try {
			for (Iterator<Row> rows = found.rowIterator(); rows.hasNext();) {
				Row row = rows.next();
				rowNo = row.getRowNum() + 1;
				CellRow cells = new CellRow();
				for (Iterator<Cell> it = row.cellIterator(); it.hasNext();) {
					Cell cell = it.next();
					cells.put(cell.getColumnIndex(), values.text(cell));
				}
				if (!CellRow.deliver(cells.toSheetRow(sheet, rowNo), consumer)) {
					return;
				}
			}
		}
		catch (CellRow.ConsumerFailure ex) {
			throw ex.original();
		}
		catch (RuntimeException ex) {
			throw Rejections.failure(file, "sheet '" + sheet + "' row " + rowNo, "（工作表“" + sheet + "”第" + rowNo + "行附近）", ex);
		}
	}

	@Override
	public void close() {
		closeQuietly(workbook);
		closeQuietly(fs);
	}

	private Sheet sheet(String name) {
		Sheet sheet = workbook.getSheet(name);
		if (sheet == null) {
			throw new IllegalArgumentException("no sheet '" + name + "' in " + file + "; it has " + sheetNames());
		}
		return sheet;
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// read-only: nothing is lost when closing fails
		}
	}

}
