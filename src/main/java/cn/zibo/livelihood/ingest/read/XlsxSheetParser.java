package cn.zibo.livelihood.ingest.read;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;

/**
 * Reads the rows of one worksheet part with StAX, holding one row at a time. Element names are
 * matched without their namespace, so prefixed ({@code x:row}) and non-Excel producers read alike.
 * Rows and cells without an {@code r} attribute follow the previous one, as Excel places them; the
 * {@code <dimension>} element is ignored, since producers get it wrong.
 */
final class XlsxSheetParser {

	/** POI's hardened factory: no DTDs, no external entities. */
	static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

	/** Excel's last row; a larger number is a damaged file. */
	static final int MAX_ROWS = 1_048_576;

	private final String sheet;

	private final XlsxCellValues values;

	private final StringBuilder value = new StringBuilder();

	private final StringBuilder inline = new StringBuilder();

	private int rowNo;

	XlsxSheetParser(String sheet, XlsxCellValues values) {
		this.sheet = sheet;
		this.values = values;
	}

	/** The row being read (or last read), for error messages. */
	int rowNo() {
		return rowNo;
	}

	void parse(InputStream in, RowConsumer consumer) throws XMLStreamException {
		XMLStreamReader xml = XML.createXMLStreamReader(in);
		try {
			read(xml, consumer);
		}
		finally {
			xml.close();
		}
	}

	private void read(XMLStreamReader xml, RowConsumer consumer) throws XMLStreamException {
		CellRow row = null;
		int column = -1;
		String type = null;
		int style = 0;
		boolean inValue = false;
		boolean inInline = false;
		boolean inPhonetic = false;
		boolean inText = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				switch (xml.getLocalName()) {
					case "row" -> {
						rowNo = number(xml.getAttributeValue(null, "r"), rowNo + 1);
						row = new CellRow();
						column = -1;
					}
					case "c" -> {
						column = XlsxCellValues.column(xml.getAttributeValue(null, "r"), column);
						type = xml.getAttributeValue(null, "t");
						style = number(xml.getAttributeValue(null, "s"), 0);
						value.setLength(0);
						inline.setLength(0);
					}
					case "v" -> inValue = true;
					case "is" -> inInline = true;
					case "rPh" -> inPhonetic = true;
					case "t" -> inText = true;
					default -> {
					}
				}
			}
			else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE) {
				if (inValue) {
					value.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
				}
				else if (inInline && inText && !inPhonetic) {
					inline.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				switch (xml.getLocalName()) {
					case "v" -> inValue = false;
					case "is" -> inInline = false;
					case "rPh" -> inPhonetic = false;
					case "t" -> inText = false;
					case "c" -> {
						if (row != null) {
							row.put(column, values.text(type, style, value.toString(), inline.toString()));
						}
					}
					case "row" -> {
						if (row != null && !CellRow.deliver(row.toSheetRow(sheet, rowNo), consumer)) {
							return;
						}
						row = null;
					}
					case "sheetData" -> {
						return;
					}
					default -> {
					}
				}
			}
		}
	}

	/** A row number or style index, or the given default when the attribute is absent. */
	private static int number(String attribute, int absent) {
		if (attribute == null || attribute.isBlank()) {
			return absent;
		}
		int number = Integer.parseInt(attribute.trim());
		if (number < 0 || number > MAX_ROWS) {
			throw new IllegalArgumentException("row number or style index " + number + " out of range");
		}
		return number;
	}

}
