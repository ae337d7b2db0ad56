package cn.zibo.livelihood.ingest.read;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the workbook part ({@code xl/workbook.xml}) says that the readers need: whether dates count
 * from 1904 (old Mac Excel: {@code <workbookPr date1904="1"/>}), and which sheets are hidden
 * ({@code <sheet state="hidden"/>} or {@code "veryHidden"}).
 */
record XlsxWorkbookPart(boolean date1904, Set<String> hiddenSheets) {

	static XlsxWorkbookPart read(InputStream workbook) throws XMLStreamException {
		XMLStreamReader xml = XlsxSheetParser.XML.createXMLStreamReader(workbook);
		boolean date1904 = false;
		Set<String> hidden = new HashSet<>();
		try {
			while (xml.hasNext()) {
				if (xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				if (xml.getLocalName().equals("workbookPr")) {
					String flag = xml.getAttributeValue(null, "date1904");
					date1904 = "1".equals(flag) || "true".equalsIgnoreCase(flag);
				}
				else if (xml.getLocalName().equals("sheet")) {
					String state = xml.getAttributeValue(null, "state");
					String name = xml.getAttributeValue(null, "name");
					if (name != null && ("hidden".equals(state) || "veryHidden".equals(state))) {
						hidden.add(name);
					}
				}
			}
			return new XlsxWorkbookPart(date1904, Set.copyOf(hidden));
		}
		finally {
			xml.close();
		}
	}

}
