package cn.zibo.livelihood.ingest.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells what a file is from its bytes: POI's {@link FileMagic} on the first bytes, then a look at
 * the directory of a zip or OLE2 container, since an .xlsx, an .xlsb, an .ods and a Word document
 * all start alike, and so do an .xls, an encrypted .xlsx and a Word 97 document.
 */
final class FileSniffer {

	private static final int HEAD = 8192;

	/** How HTML and XML begin; a CSV whose first cell starts with "<" (e.g. {@code <5}) does not. */
	private static final Pattern MARKUP = Pattern.compile("<(\\?xml|!|[a-z][a-z0-9:._-]*[\\s>/])");

	private static final String STRICT_OFFICE_DOCUMENT = "purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

	private FileSniffer() {
	}

	static FileKind sniff(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(HEAD);
		}
		int bom = CsvEncoding.bomLength(head);
		if (isBlank(file, head, bom)) {
			return FileKind.EMPTY;
		}
		return switch (FileMagic.valueOf(head)) {
			case OLE2 -> ole2(file);
			case OOXML -> zip(file);
			case BIFF2, BIFF3, BIFF4 -> FileKind.OLD_EXCEL;
			case PDF -> FileKind.PDF;
			case RTF -> FileKind.RTF;
			case MSWRITE, WORD2 -> FileKind.WORD;
			case JPEG, GIF, PNG, TIFF, WMF, EMF, BMP -> FileKind.IMAGE;
			default -> unknown(file, head, bom);
		};
	}

	private static FileKind unknown(Path file, byte[] head, int bom) {
		if (head.length > 1 && head[0] == 'P' && head[1] == 'K') {
			return zip(file);
		}
		if (head.length > 1 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
			return FileKind.GZIP;
		}
		if (isOldExcelStream(head)) {
			return FileKind.OLD_EXCEL;
		}
		Charset charset = CsvEncoding.charsetOfBom(head);
		String text = new String(head, bom, head.length - bom, (charset != null) ? charset : StandardCharsets.ISO_8859_1)
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		if (MARKUP.matcher(text).lookingAt()) {
			return markup(text);
		}
		if (text.startsWith("mime-version:")) {
			return FileKind.HTML;
		}
		return (charset == null && CsvEncoding.utf16WithoutBom(head) == null && looksBinary(head)) ? FileKind.BINARY
				: FileKind.TEXT;
	}

	/**
	 * XML Spreadsheet 2003 names its namespace office:spreadsheet and has {@code <Table>} elements;
	 * Excel's "web page" export has {@code <html>} and mentions office:excel.
	 */
	private static FileKind markup(String text) {
		boolean html = text.contains("<html") || text.contains("<!doctype html") || text.startsWith("<table");
		if (!html && text.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
			return FileKind.XML_SPREADSHEET;
		}
		if (html) {
			return FileKind.HTML;
		}
		return text.contains("opendocument") ? FileKind.ODS : FileKind.XML;
	}

	private static FileKind zip(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Map<String, ZipEntry> entries = new HashMap<>();
			for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				ZipEntry entry = e.nextElement();
				entries.put(entry.getName().toLowerCase(Locale.ROOT), entry);
			}
			if (entries.containsKey("mimetype")) {
				return text(zip, entries.get("mimetype")).contains("opendocument.spreadsheet") ? FileKind.ODS
						: FileKind.OTHER_OFFICE;
			}
			if (entries.containsKey("xl/workbook.bin")) {
				return FileKind.XLSB;
			}
			if (!entries.containsKey("[content_types].xml")) {
				return FileKind.ZIP;
			}
			if (entries.keySet().stream().anyMatch(name -> name.startsWith("word/"))) {
				return FileKind.WORD;
			}
			if (entries.keySet().stream().anyMatch(name -> name.startsWith("ppt/"))) {
				return FileKind.POWERPOINT;
			}
			ZipEntry rels = entries.get("_rels/.rels");
			boolean strict = (rels != null) && text(zip, rels).contains(STRICT_OFFICE_DOCUMENT);
			return strict ? FileKind.XLSX_STRICT : FileKind.XLSX;
		}
		catch (IOException | RuntimeException ex) {
			return FileKind.CORRUPT_ZIP;
		}
	}

	private static String text(ZipFile zip, ZipEntry entry) throws IOException {
		try (InputStream in = zip.getInputStream(entry)) {
			return new String(in.readNBytes(HEAD * 8), StandardCharsets.ISO_8859_1);
		}
	}

	private static FileKind ole2(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
				return FileKind.ENCRYPTED;
			}
			// Excel 5/95 names its stream Book, but some writers put BIFF8 there too: HSSF tells them apart
			if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
				return FileKind.XLS;
			}
			if (root.hasEntry("WordDocument")) {
				return FileKind.WORD;
			}
			return root.hasEntry("PowerPoint Document") ? FileKind.POWERPOINT : FileKind.OTHER_OFFICE;
		}
		catch (IOException | RuntimeException ex) {
			return FileKind.CORRUPT_OLE2;
		}
	}

	/**
	 * Excel 2 to 4 wrote a bare record stream starting with a BOF record (0x0009, 0x0209, 0x0409);
	 * POI's magic knows only some of its variants.
	 */
	private static boolean isOldExcelStream(byte[] head) {
		return head.length >= 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04)
				&& head[2] >= 2 && head[2] <= 20 && head[3] == 0x00;
	}

	/** Nothing but a byte order mark, whitespace or NULs (a file preallocated and never written). */
	private static boolean isBlank(Path file, byte[] head, int bom) throws IOException {
		for (int i = bom; i < head.length; i++) {
			if (!isBlank(head[i])) {
				return false;
			}
		}
		if (head.length < HEAD) {
			return true;
		}
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			in.skipNBytes(head.length);
			for (int b = in.read(); b >= 0; b = in.read()) {
				if (!isBlank((byte) b)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean isBlank(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0 || b == 0x0b || b == 0x0c;
	}

	/** More than one byte in ten is a control character no text file holds. */
	private static boolean looksBinary(byte[] head) {
		int controls = 0;
		for (byte b : head) {
			if ((b >= 0 && b < 0x09) || (b > 0x0d && b < 0x20 && b != 0x1b)) {
				controls++;
			}
		}
		return controls * 10 > head.length;
	}

}
