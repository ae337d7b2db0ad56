package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.SAXException;

/**
 * An .xlsx workbook read with POI's event API: the package stays open read-only, shared strings
 * (without phonetic runs) and styles are loaded once, and each sheet's XML is streamed on every
 * pass by {@link XlsxSheetParser}. The usermodel is avoided on purpose: it builds every cell of the
 * workbook in memory before the first row can be read.
 */
final class XlsxTabularFile implements TabularFile {

	private final Path file;

	private final OPCPackage pkg;

	private final Map<String, PackagePart> sheets;

	private final XlsxCellValues values;

	private final Set<String> hidden;

	private XlsxTabularFile(Path file, OPCPackage pkg, Map<String, PackagePart> sheets, XlsxCellValues values,
			Set<String> hidden) {
		this.file = file;
		this.pkg = pkg;
		this.sheets = sheets;
		this.values = values;
		this.hidden = hidden;
	}

	static XlsxTabularFile open(Path file) throws UnreadableFileException {
		PoiLimits.apply();
		OPCPackage pkg = null;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(pkg);
			Map<String, PackagePart> sheets = new LinkedHashMap<>();
			XSSFReader.SheetIterator iterator = reader.getSheetIterator();
			while (iterator.hasNext()) {
				try (InputStream ignored = iterator.next()) {
					sheets.putIfAbsent(iterator.getSheetName(), iterator.getSheetPart());
				}
			}
			XlsxWorkbookPart workbook;
			try (InputStream in = reader.getWorkbookData()) {
				workbook = XlsxWorkbookPart.read(in);
			}
			XlsxCellValues values = new XlsxCellValues(new ReadOnlySharedStringsTable(pkg, false),
					reader.getStylesTable(), workbook.date1904());
			return new XlsxTabularFile(file, pkg, sheets, values, workbook.hiddenSheets());
		}
		catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException ex) {
			if (pkg != null) {
				pkg.revert();
			}
			throw Rejections.failure(file, ex);
		}
	}

	@Override
	public List<String> sheetNames() {
		return List.copyOf(sheets.keySet());
	}

	@Override
	public boolean hidden(String sheet) {
		part(sheet);
		return hidden.contains(sheet);
	}

	@Override
	public List<MergedRange> mergedRanges(String sheet) throws UnreadableFileException {
		PackagePart part = part(sheet);
		try (InputStream in = part.getInputStream()) {
			return XlsxMergedRanges.read(in);
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			throw Rejections.failure(file, "sheet '" + sheet + "' merged cells", "（工作表“" + sheet + "”的合并单元格）", ex);
		}
	}

	@Override
	public void readRows(String sheet, RowConsumer consumer) throws UnreadableFileException {
		PackagePart part = part(sheet);
		XlsxSheetParser parser = new XlsxSheetParser(sheet, values);
		try (InputStream in = part.getInputStream()) {
			parser.parse(in, consumer);
		}
		catch (CellRow.ConsumerFailure ex) {
			throw ex.original();
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			throw Rejections.failure(file, "sheet '" + sheet + "' row " + parser.rowNo(),
					"（工作表“" + sheet + "”第" + parser.rowNo() + "行附近）", ex);
		}
	}

	@Override
	public void close() {
		// read-only: revert() releases the file without trying to save, as close() would
		pkg.revert();
	}

	private PackagePart part(String sheet) {
		PackagePart part = sheets.get(sheet);
		if (part == null) {
			throw new IllegalArgumentException("no sheet '" + sheet + "' in " + file + "; it has " + sheetNames());
		}
		return part;
	}

}
