package cn.zibo.livelihood.ingest.read;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads the {@code <mergeCells>} of a worksheet part. They follow {@code <sheetData>}, so the
 * sheet's cells are skipped over by nesting depth alone, without looking at a name or attribute.
 */
final class XlsxMergedRanges {

	private XlsxMergedRanges() {
	}

	static List<MergedRange> read(InputStream in) throws XMLStreamException {
		XMLStreamReader xml = XlsxSheetParser.XML.createXMLStreamReader(in);
		try {
			List<MergedRange> ranges = new ArrayList<>();
			while (xml.hasNext()) {
				if (xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				if (name.equals("sheetData")) {
					skipElement(xml);
				}
				else if (name.equals("mergeCell")) {
					add(xml.getAttributeValue(null, "ref"), ranges);
				}
			}
			return ranges;
		}
		finally {
			xml.close();
		}
	}

	private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
		for (int depth = 1; depth > 0 && xml.hasNext();) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/** A reference Excel would not write is left out: a merge is a layout hint, not a figure. */
	private static void add(String reference, List<MergedRange> ranges) {
		if (reference == null || reference.isBlank()) {
			return;
		}
		try {
			CellRangeAddress range = CellRangeAddress.valueOf(reference.trim());
			if (range.getFirstRow() >= 0 && range.getFirstColumn() >= 0) {
				ranges.add(new MergedRange(range.getFirstRow() + 1, range.getLastRow() + 1, range.getFirstColumn(),
						range.getLastColumn()));
			}
		}
		catch (IllegalArgumentException ex) {
			// not a cell range; see above
		}
	}

}
