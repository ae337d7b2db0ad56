package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Workbook;


/** Writes the small files the reader tests read: exact bytes, never a checked-in binary. */
public final class Fixtures {

	public static final String CONTENT_TYPES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
			<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
			<Default Extension="xml" ContentType="application/xml"/>\
			<Override PartName="/xl/workbook.xml" \
			ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
			<Override PartName="/xl/worksheets/sheet1.xml" \
			ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";

	public static final String PACKAGE_RELS = """
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
			<Relationship Id="rId1" Target="xl/workbook.xml" \
			Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>\
			</Relationships>""";

	public static final String WORKBOOK_RELS = """
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
			<Relationship Id="rId1" Target="worksheets/sheet1.xml" \
			Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>\
			</Relationships>""";

	private Fixtures() {
	}

	public static Path bytes(Path dir, String name, byte[]... parts) throws IOException {
		Path file = dir.resolve(name);
		try (OutputStream out = Files.newOutputStream(file)) {
			for (byte[] part : parts) {
				out.write(part);
			}
		}
		return file;
	}

	public static Path text(Path dir, String name, String text, Charset charset) throws IOException {
		return bytes(dir, name, text.getBytes(charset));
	}

	public static byte[] raw(int... bytes) {
		byte[] raw = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			raw[i] = (byte) bytes[i];
		}
		return raw;
	}

	public static Path workbook(Path dir, String name, Workbook workbook) throws IOException {
		Path file = dir.resolve(name);
		try (workbook; OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		return file;
	}

	/**
	 * The smallest package POI opens as a workbook: one sheet named 数据, no styles, no shared
	 * strings; {@code workbookPr} and the sheet's XML are the test's.
	 */
	public static Path xlsx(Path dir, String name, String workbookPr, String sheetXml) throws IOException {
		Map<String, String> parts = new LinkedHashMap<>(packageParts(workbookPr));
		parts.put("xl/worksheets/sheet1.xml", sheetXml);
		return zip(dir, name, parts);
	}

	public static String sheet(String sheetData) {
		return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ sheetData + "</sheetData></worksheet>";
	}

	public static Path zip(Path dir, String name, Map<String, String> entries) throws IOException {
		Path file = dir.resolve(name);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}

	/** An .xlsx whose one sheet inflates from a few kilobytes to {@code rows} identical rows. */
	public static Path zipBomb(Path dir, String name, int rows) throws IOException {
		Path file = dir.resolve(name);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, String> entry : packageParts("").entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			Writer sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			sheet.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
			for (int row = 0; row < rows; row++) {
				sheet.write("<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>");
			}
			sheet.write("</sheetData></worksheet>");
			sheet.flush();
			zip.closeEntry();
		}
		return file;
	}

	/**
	 * An .xlsx whose one sheet is stored uncompressed and holds {@code bytes} of XML, nearly all of it
	 * whitespace between elements: it expands no more than it is large, and reading it costs little
	 * beyond the bytes themselves.
	 */
	public static Path hugeSheet(Path dir, String name, long bytes) throws IOException {
		byte[] head = sheet("").replace("</sheetData></worksheet>", "").getBytes(StandardCharsets.UTF_8);
		byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
		byte[] blanks = new byte[1 << 20];
		java.util.Arrays.fill(blanks, (byte) ' ');
		long blankBytes = bytes - head.length - tail.length;
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(head);
		for (long left = blankBytes; left > 0; left -= blanks.length) {
			crc.update(blanks, 0, (int) Math.min(left, blanks.length));
		}
		crc.update(tail);
		Path file = dir.resolve(name);
		try (ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
			for (Map.Entry<String, String> entry : packageParts("").entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			ZipEntry sheet = new ZipEntry("xl/worksheets/sheet1.xml");
			sheet.setMethod(ZipEntry.STORED);
			sheet.setSize(bytes);
			sheet.setCompressedSize(bytes);
			sheet.setCrc(crc.getValue());
			zip.putNextEntry(sheet);
			zip.write(head);
			for (long left = blankBytes; left > 0; left -= blanks.length) {
				zip.write(blanks, 0, (int) Math.min(left, blanks.length));
			}
			zip.write(tail);
			zip.closeEntry();
		}
		return file;
	}

	public static Map<String, String> packageParts(String workbookPr) {
		String workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
				+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" + workbookPr
				+ "<sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", CONTENT_TYPES);
		parts.put("_rels/.rels", PACKAGE_RELS);
		parts.put("xl/workbook.xml", workbook);
		parts.put("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
		return parts;
	}

	/** Every row of every sheet, in order. */
	public static List<SheetRow> rows(Path file) throws UnreadableFileException {
		List<SheetRow> rows = new ArrayList<>();
		try (TabularFile table = TabularFiles.open(file)) {
			for (String sheet : table.sheetNames()) {
				table.readRows(sheet, rows::add);
			}
		}
		return rows;
	}

	public static List<List<String>> cells(Path file) throws UnreadableFileException {
		return rows(file).stream().map(SheetRow::cells).toList();
	}

}
