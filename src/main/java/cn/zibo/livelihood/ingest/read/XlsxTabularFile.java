package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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

	private XlsxTabularFile(Path file, OPCPackage pkg, Map<String, PackagePart> sheets, XlsxCellValues values) {
		this.file = file;
		this.pkg = pkg;
		this.sheets = sheets;
		this.values = values;
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
			boolean date1904;
			try (InputStream workbook = reader.getWorkbookData()) {
				date1904 = isDate1904(workbook);
			}
			XlsxCellValues values = new XlsxCellValues(new ReadOnlySharedStringsTable(pkg, false),
					reader.getStylesTable(), date1904);
			return new XlsxTabularFile(file, pkg, sheets, values);
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
	public List<MergedRange> mergedRanges(String sheet) throws UnreadableFileException {
		PackagePart part = part(sheet);
		try (InputStream in = part.getInputStream()) {
			return XlsxMergedRanges.read(in);
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			throw Rejections.failure(file, "sheet '" + sheet + "' merged cells", "(工作表“" + sheet + "”的合并单元格)", ex);
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
					"(工作表“" + sheet + "”第" + parser.rowNo() + "行附近)", ex);
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

	/** Whether dates count from 1904 (old Mac Excel): {@code <workbookPr date1904="1"/>}. */
	private static boolean isDate1904(InputStream workbook) throws XMLStreamException {
		XMLStreamReader xml = XlsxSheetParser.XML.createXMLStreamReader(workbook);
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("workbookPr")) {
					String flag = xml.getAttributeValue(null, "date1904");
					return "1".equals(flag) || "true".equalsIgnoreCase(flag);
				}
				if (xml.isStartElement() && xml.getLocalName().equals("sheets")) {
					return false;
				}
			}
			return false;
		}
		finally {
			xml.close();
		}
	}

}
