package cn.zibo.livelihood.ingest.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.hpsf.ClassIDPredefined;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFHyperlink;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import static cn.zibo.livelihood.ingest.read.Fixtures.bytes;
import static cn.zibo.livelihood.ingest.read.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a file really is decides how it is read or why it is refused, whatever its name says. */
class FileDetectionTests {

	@TempDir
	Path dir;

	@Test
	void csvTextNamedXlsxHasTheWrongExtension() throws Exception {
		Path file = text(dir, "报表.xlsx", "任务编号,数值\n2,103\n", StandardCharsets.UTF_8);

		UnreadableFileException ex = rejected(() -> TabularFiles.open(file), "wrong_extension");
		assertThat(ex.chineseMessage()).contains(".xlsx", "文本文件（CSV）", "改为.csv");
		assertThat(ex.getMessage()).startsWith("wrong_extension").contains("报表.xlsx", "content is text");
	}

	@Test
	void aWorkbookNamedCsvHasTheWrongExtension() throws Exception {
		XSSFWorkbook workbook = new XSSFWorkbook();
		workbook.createSheet("数据");
		Path file = Fixtures.workbook(dir, "报表.csv", workbook);

		UnreadableFileException ex = rejected(() -> TabularFiles.open(file), "wrong_extension");
		assertThat(ex.chineseMessage()).contains("Excel工作簿（.xlsx）");
	}

	@Test
	void aWebPageNamedXlsIsAnUnsupportedFormat() throws Exception {
		Path file = text(dir, "报表.xls", "<html><body><table><tr><td>任务编号</td></tr></table></body></html>",
				StandardCharsets.UTF_8);

		UnreadableFileException ex = rejected(() -> TabularFiles.open(file), "unsupported_format");
		assertThat(ex.chineseMessage()).contains("网页（HTML）", "另存为");
	}

	@Test
	void anXmlSpreadsheet2003NamedXlsIsAnUnsupportedFormat() throws Exception {
		Path file = text(dir, "报表.xls", """
				<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
				<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table/></Worksheet></Workbook>""",
				StandardCharsets.UTF_8);

		assertThat(rejected(() -> TabularFiles.open(file), "unsupported_format").chineseMessage()).contains("XML表格");
	}

	@Test
	void aBinaryWorkbookNamedXlsxIsAnUnsupportedFormat() throws Exception {
		Path file = Fixtures.zip(dir, "报表.xlsx", Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.bin", "x"));

		assertThat(rejected(() -> TabularFiles.open(file), "unsupported_format").chineseMessage()).contains(".xlsb");
	}

	@Test
	void anOpenDocumentSpreadsheetNamedXlsxIsAnUnsupportedFormat() throws Exception {
		Path file = Fixtures.zip(dir, "报表.xlsx",
				Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"));

		assertThat(rejected(() -> TabularFiles.open(file), "unsupported_format").chineseMessage()).contains("OpenDocument");
	}

	@Test
	void anExcel4WorksheetIsAnUnsupportedOldFormat() throws Exception {
		Path file = bytes(dir, "报表.xls", Fixtures.raw(0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00, 0, 0));

		assertThat(rejected(() -> TabularFiles.open(file), "unsupported_format").chineseMessage()).contains("旧格式");
	}

	@Test
	void anExtensionOtherThanCsvXlsxOrXlsIsAnUnsupportedFormat() throws Exception {
		Path file = text(dir, "报表.txt", "任务编号,数值\n", StandardCharsets.UTF_8);

		assertThat(rejected(() -> TabularFiles.open(file), "unsupported_format").chineseMessage()).contains(".txt", ".xlsx");
	}

	@Test
	void anXlsxWithAnOpeningPasswordIsEncrypted() throws Exception {
		Path file = dir.resolve("报表.xlsx");
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
			encryptor.confirmPassword("密码");
			try (OutputStream encrypted = encryptor.getDataStream(fs); XSSFWorkbook workbook = new XSSFWorkbook()) {
				workbook.createSheet("数据");
				workbook.write(encrypted);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				fs.writeFilesystem(out);
			}
		}

		assertThat(rejected(() -> TabularFiles.open(file), "encrypted").chineseMessage()).contains("密码");
	}

	@Test
	void anXlsWithAnOpeningPasswordIsEncrypted() throws Exception {
		HSSFWorkbook workbook = new HSSFWorkbook();
		workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("x");
		Path file;
		Biff8EncryptionKey.setCurrentUserPassword("密码");
		try {
			file = Fixtures.workbook(dir, "报表.xls", workbook);
		}
		finally {
			Biff8EncryptionKey.setCurrentUserPassword(null);
		}

		rejected(() -> TabularFiles.open(file), "encrypted");
	}

	@Test
	void aTruncatedXlsxIsCorrupt() throws Exception {
		XSSFWorkbook workbook = new XSSFWorkbook();
		workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("x");
		byte[] whole = Files.readAllBytes(Fixtures.workbook(dir, "whole.xlsx", workbook));
		Path file = bytes(dir, "报表.xlsx", Arrays.copyOf(whole, whole.length / 2));

		assertThat(rejected(() -> TabularFiles.open(file), "corrupt_file").chineseMessage()).contains("损坏");
	}

	@Test
	void aWorkbookWithoutSheetsIsCorrupt() throws Exception {
		Path file = Fixtures.workbook(dir, "报表.xlsx", new XSSFWorkbook());

		assertThat(rejected(() -> TabularFiles.open(file), "corrupt_file").chineseMessage()).contains("没有工作表");
	}

	@Test
	void aSheetInflatingFarBeyondItsSizeIsTooLarge() throws Exception {
		Path file = Fixtures.zipBomb(dir, "报表.xlsx", 300_000);

		assertThat(Files.size(file)).isLessThan(200_000);
		UnreadableFileException ex = rejected(() -> Fixtures.rows(file), "too_large");
		assertThat(ex.chineseMessage()).contains("超过系统限制");
	}

	@Test
	void aCellLongerThanExcelAllowsIsTooLargeAndOneAtTheLimitReads() throws Exception {
		String atLimit = "字".repeat(32_767);
		Path fits = Fixtures.xlsx(dir, "可读.xlsx", "", Fixtures.sheet(
				"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + atLimit + "</t></is></c></row>"));
		Path over = Fixtures.xlsx(dir, "过长.xlsx", "", Fixtures.sheet(
				"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + atLimit + "字</t></is></c></row>"));

		assertThat(Fixtures.cells(fits).get(0).get(0)).hasSize(32_767);
		UnreadableFileException ex = rejected(() -> Fixtures.rows(over), "too_large");
		assertThat(ex.chineseMessage()).contains("超过Excel允许的32,767个字符", "第1行").doesNotContain(",系统");
	}

	@Test
	void aSheetExpandingBeyondTheEntrySizeLimitIsTooLarge() throws Exception {
		long start = System.nanoTime();
		Path file = Fixtures.hugeSheet(dir, "报表.xlsx", PoiLimits.MAX_ENTRY_SIZE + (1 << 20));
		assertThat(Files.size(file)).as("stored, not compressed: no zip bomb").isGreaterThan(PoiLimits.MAX_ENTRY_SIZE);

		UnreadableFileException ex = rejected(() -> Fixtures.rows(file), "too_large");
		assertThat(ex).rootCause().hasMessageContaining("exceed the max size of the expanded data");
		System.out.println("A sheet over the entry size limit written and refused in " + (System.nanoTime() - start) / 1_000_000 + " ms");
	}

	@Test
	void aWorkbookWithMoreThanAThousandPartsIsTooLarge() throws Exception {
		Map<String, String> parts = new java.util.LinkedHashMap<>(Fixtures.packageParts(""));
		parts.put("xl/worksheets/sheet1.xml", Fixtures.sheet(""));
		for (int i = parts.size(); i <= PoiLimits.MAX_FILE_COUNT; i++) {
			parts.put("xl/media/image" + i + ".png", "x");
		}
		Path file = Fixtures.zip(dir, "报表.xlsx", parts);

		UnreadableFileException ex = rejected(() -> Fixtures.rows(file), "too_large");
		assertThat(ex.getMessage()).contains("more internal file entries than expected");
	}

	@Test
	void anXlsRecordAskingForMoreThanTheByteArrayLimitIsTooLarge() throws Exception {
		HSSFWorkbook workbook = new HSSFWorkbook();
		HSSFCell cell = workbook.createSheet("数据").createRow(0).createCell(0);
		HSSFHyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
		link.setAddress("http://example.com/");
		cell.setHyperlink(link);
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		workbook.write(written);
		workbook.close();
		byte[] stream;
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(written.toByteArray()))) {
			stream = fs.createDocumentInputStream("Workbook").readAllBytes();
		}
		// the link's moniker becomes a standard moniker whose path claims 2 GB, which HSSF allocates at once
		byte[] url = new byte[16];
		ClassIDPredefined.URL_MONIKER.getClassID().write(url, 0);
		int at = indexOf(stream, url);
		assertThat(at).as("the hyperlink record's URL moniker").isPositive();
		ClassIDPredefined.STD_MONIKER.getClassID().write(stream, at);
		ByteBuffer.wrap(stream, at + 16, 6).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0).putInt(Integer.MAX_VALUE);
		Path file = dir.resolve("报表.xls");
		try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
			fs.createDocument(new ByteArrayInputStream(stream), "Workbook");
			fs.writeFilesystem(out);
		}

		UnreadableFileException ex = rejected(() -> TabularFiles.open(file), "too_large");
		assertThat(ex.getMessage()).as("POI's limit for this record is 100,000 bytes; ours replaces it")
			.contains(String.format(Locale.ROOT, "%,d", PoiLimits.MAX_BYTE_ARRAY));
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}

	private static UnreadableFileException rejected(ThrowingCallable opening, String code) {
		Throwable thrown = catchThrowable(opening);
		assertThat(thrown).isInstanceOf(UnreadableFileException.class);
		UnreadableFileException ex = (UnreadableFileException) thrown;
		assertThat(ex.code()).as(ex.getMessage()).isEqualTo(code);
		assertThat(ex.chineseMessage()).isNotBlank();
		return ex;
	}

}
