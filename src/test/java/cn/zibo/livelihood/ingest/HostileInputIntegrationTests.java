package cn.zibo.livelihood.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.read.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files made to hurt the pipeline, through the real ingest job: links out of the inbox, file names
 * that try to leave it or break its receipts, workbooks that ask the XML parser to read local
 * files, text that would run as a formula in the receipt, and a file too large to read. Periods
 * 2041 to 2045 of 市教育局 are this class's.
 */
@PipelineIntegrationTest
class HostileInputIntegrationTests {

	private static final Path LOG = Path.of("target/test-logs/pipeline.log");

	@Autowired
	IngestFixture fixture;

	Path outside;

	/** Where this test's lines start in the log, which earlier runs also wrote to. */
	long logStart;

	@BeforeEach
	void emptyInboxAndAFolderOutsideIt() throws IOException {
		fixture.reset();
		outside = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "outside-inbox-");
		logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
	}

	@Test
	void aLinkedFileIsNeitherReadNorMovedAndAReceiptBesideTheLinkSaysWhy() throws Exception {
		Path secret = Files.writeString(outside.resolve("别人的文件_2041Q1.csv"), "指标编码,数值\nT002-01,7\n");
		Path folder = fixture.drop("市教育局", "真文件_2041Q1.csv", "指标编码,数值\nT002-01,8\n", StandardCharsets.UTF_8).getParent();
		Path link = Files.createSymbolicLink(folder.resolve("链接_2041Q1.csv"), secret);

		fixture.ingest();
		fixture.ingest();

		assertThat(secret).hasContent("指标编码,数值\nT002-01,7\n");
		assertThat(link).isSymbolicLink();
		assertThat(submissionsOf("链接_2041Q1.csv")).as("never claimed").isZero();
		assertThat(archived(secret)).as("its target's bytes never copied").doesNotExist();
		assertThat(fixture.values(fixture.submissionId("真文件_2041Q1.csv"))).containsExactly("T002-01 370300 2041Q1 = 8");
		Path receipt = folder.resolve("链接_2041Q1.csv.回执(未读取).txt");
		assertThat(receipt).exists();
		assertThat(folder.resolve("链接_2041Q1.csv.回执(未读取).xlsx")).exists();
		assertThat(Files.readString(receipt)).contains("未入库", "符号链接", "没有被读取或移动", "文件本身");
		assertThat(logLines("Not following the symbolic link 市教育局/链接_2041Q1.csv")).as("logged once, in English")
			.hasSize(1)
			.allMatch(line -> line.contains(secret.toString()) && line.contains("never read or moved"));
	}

	@Test
	void aDepartmentFolderThatIsALinkIsNotFollowed() throws Exception {
		Path secret = Files.writeString(outside.resolve("教育局_2041Q2.csv"), "指标编码,数值\nT002-01,9\n");
		Files.createDirectories(fixture.inbox());
		Path link = Files.createSymbolicLink(fixture.inbox().resolve("edu"), outside);

		fixture.ingest();

		assertThat(secret).exists();
		try (Stream<Path> files = Files.list(outside)) {
			assertThat(files.toList()).as("nothing written through the link").containsExactly(secret);
		}
		assertThat(submissionsOf("教育局_2041Q2.csv")).isZero();
		assertThat(Files.readString(fixture.inbox().resolve("edu.回执(未读取).txt"))).contains("不是真正的文件夹",
				"其中的文件都没有被读取或移动");
		assertThat(link).isSymbolicLink();
		assertThat(logLines("Not following the symbolic link edu (符号链接) to " + outside)).hasSize(1);
	}

	@Test
	void fileNamesWithLineBreaksControlCharactersDotsOrGreatLengthStayInsideTheInboxAndAreLoadedOnce() throws Exception {
		List<String> names = List.of("换行\n第二行_2041Q3.csv", "控制\u0001\u001b[31m字符_2041Q4.csv", "上级..\\..\\..%2F目录_2042Q1.csv",
				"方向\u202E反转_2042Q2.csv", "长".repeat(80) + "_2042Q3.csv");
		for (int i = 0; i < names.size(); i++) {
			fixture.drop("市教育局", names.get(i), "指标编码,数值\nT002-01," + (20 + i) + "\n", StandardCharsets.UTF_8);
		}
		fixture.drop("市教育局", "..点开头_2042Q4.csv", "指标编码,数值\nT002-01,10\n", StandardCharsets.UTF_8);
		Path folder = fixture.inbox().resolve("市教育局");
		assertThat(utf8Length(names.get(4))).isLessThanOrEqualTo(255);

		fixture.ingest();

		for (String name : names) {
			assertThat(submissionsOf(name)).as(Inbox.printable(name)).isEqualTo(1);
			assertThat(fixture.submission(name)).as(Inbox.printable(name)).containsEntry("status", "loaded");
		}
		try (Stream<Path> inInbox = Files.list(fixture.inbox())) {
			assertThat(inInbox.map(p -> p.getFileName().toString()).toList()).containsExactly("市教育局");
		}
		List<String> left;
		try (Stream<Path> files = Files.list(folder)) {
			left = files.map(p -> p.getFileName().toString()).sorted().toList();
		}
		assertThat(left).as("receipts and the hidden file, nothing else").hasSize(2 * names.size() + 1)
			.contains("..点开头_2042Q4.csv", "换行_第二行_2041Q3.csv.回执(" + fixture.submissionId(names.get(0)) + ").xlsx",
					"控制__[31m字符_2041Q4.csv.回执(" + fixture.submissionId(names.get(1)) + ").txt",
					"上级..\\..\\..%2F目录_2042Q1.csv.回执(" + fixture.submissionId(names.get(2)) + ").txt",
					"方向_反转_2042Q2.csv.回执(" + fixture.submissionId(names.get(3)) + ").txt");
		assertThat(left.stream().filter(n -> !n.startsWith("..")))
			.allSatisfy(n -> assertThat(n).as("a receipt, its name clean and short enough")
				.contains(".回执(")
				.isEqualTo(Inbox.displayName(n))
				.satisfies(clean -> assertThat(utf8Length(clean)).isLessThanOrEqualTo(255)));
		String longReceipt = left.stream().filter(n -> n.startsWith("长长长") && n.endsWith(".txt")).findFirst().orElseThrow();
		assertThat(longReceipt).endsWith("….回执(" + fixture.submissionId(names.get(4)) + ").txt");
		assertThat(Files.readString(folder.resolve(longReceipt))).contains("文件：" + names.get(4));
		assertThat(Files.readString(folder.resolve("换行_第二行_2041Q3.csv.回执(" + fixture.submissionId(names.get(0)) + ").txt")))
			.contains("文件：换行_第二行_2041Q3.csv\n");
		try (Stream<Path> archived = Files.walk(fixture.archive())) {
			assertThat(archived.filter(Files::isRegularFile).map(p -> fixture.archive().relativize(p).toString()))
				.as("the archive holds files by SHA-256 only").allMatch(p -> p.matches("[0-9a-f]{2}/[0-9a-f]{64}"));
		}
		assertThat(logLines("换行\\n第二行_2041Q3.csv")).as("the log escapes a line break in a name").isNotEmpty();
	}

	@Test
	void externalEntitiesInAWorkbookAreNeverResolved() throws Exception {
		String secretText = "机密-" + UUID.randomUUID();
		Path secret = Files.writeString(outside.resolve("secret.txt"), secretText);
		String doctype = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
		Path folder = Files.createDirectories(fixture.inbox().resolve("市教育局"));
		Map<String, String> inSheet = workbook("<c t=\"inlineStr\"><is><t>&xxe;</t></is></c>");
		inSheet.compute(SHEET, (name, part) -> doctype + part);
		Map<String, String> inSharedStrings = workbook("<c t=\"s\"><v>0</v></c>");
		inSharedStrings.put("[Content_Types].xml", Fixtures.CONTENT_TYPES.replace("</Types>", "<Override PartName=\"/xl/sharedStrings.xml\" "
				+ "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"));
		inSharedStrings.put("xl/_rels/workbook.xml.rels", Fixtures.WORKBOOK_RELS.replace("</Relationships>", "<Relationship Id=\"rId2\" "
				+ "Target=\"sharedStrings.xml\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\"/>"
				+ "</Relationships>"));
		inSharedStrings.put("xl/sharedStrings.xml", doctype + "<sst xmlns=\"" + MAIN + "\"><si><t>&xxe;</t></si></sst>");
		Map<String, String> inWorkbook = workbook("<c><v>11</v></c>");
		inWorkbook.compute("xl/workbook.xml", (name, part) -> doctype + part.replace("name=\"数据\"", "name=\"&xxe;\""));
		Fixtures.zip(folder, "表格实体_2043Q1.xlsx", inSheet);
		Fixtures.zip(folder, "共享字符串实体_2043Q2.xlsx", inSharedStrings);
		Fixtures.zip(folder, "工作簿实体_2043Q3.xlsx", inWorkbook);
		Fixtures.zip(folder, "正常_2043Q4.xlsx", workbook("<c><v>12</v></c>"));

		fixture.ingest();

		assertThat(fixture.submission("正常_2043Q4.xlsx")).as("the same workbook without the entity loads")
			.containsEntry("status", "loaded");
		for (String name : List.of("表格实体_2043Q1.xlsx", "共享字符串实体_2043Q2.xlsx", "工作簿实体_2043Q3.xlsx")) {
			long id = fixture.submissionId(name);
			assertThat(fixture.submission(name)).as(name).containsEntry("status", "rejected");
			assertThat(fixture.errors(id)).as(name).containsExactly("- - corrupt_file");
		}
		assertThat(fixture.jdbc().sql("""
				SELECT concat_ws('|', (SELECT string_agg(f::text, '|') FROM warehouse.fact f),
				                      (SELECT string_agg(s::text, '|') FROM warehouse.submission s),
				                      (SELECT string_agg(e::text, '|') FROM warehouse.submission_error e))""")
			.query(String.class)
			.single()).as("the secret is nowhere in the warehouse").doesNotContain(secretText);
		try (Stream<Path> receipts = Files.list(folder)) {
			for (Path receipt : receipts.toList()) {
				assertThat(readable(receipt)).as(receipt.getFileName().toString()).doesNotContain(secretText);
			}
		}
	}

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String SHEET = "xl/worksheets/sheet1.xml";

	/** Parts of a one-sheet workbook: header 指标编码 | 数值, then T002-01 and the given value cell. */
	private static Map<String, String> workbook(String valueCell) {
		Map<String, String> parts = Fixtures.packageParts("");
		parts.put(SHEET, Fixtures.sheet("<row><c t=\"inlineStr\"><is><t>指标编码</t></is></c><c t=\"inlineStr\"><is><t>数值</t></is></c></row>"
				+ "<row><c t=\"inlineStr\"><is><t>T002-01</t></is></c>" + valueCell + "</row>"));
		return parts;
	}

	@Test
	void textThatWouldRunAsAFormulaStaysTextInTheReceipt() throws Exception {
		fixture.drop("市教育局", "=公式_2044Q1.csv", """
				指标编码,数值,备注
				T002-01,"=HYPERLINK(""http://example.com/x"",""点击"")",说明
				T002-01,+1+1,@SUM(A1)
				T002-01,-1-1,
				T002-01,@SUM(A1:A9),-2+3
				""", StandardCharsets.UTF_8);
		fixture.drop("市教育局", "进展_2044Q2.csv", "指标编码,数值,备注\nT002-00,推进中,=1+2\nT002-01,13,+cmd|' /C calc'!A0\n",
				StandardCharsets.UTF_8);

		fixture.ingest();

		long rejected = fixture.submissionId("=公式_2044Q1.csv");
		long loaded = fixture.submissionId("进展_2044Q2.csv");
		assertThat(fixture.submission("进展_2044Q2.csv")).containsEntry("status", "loaded");
		Map<String, List<String>> rejectedCells = textCells(receipt("=公式_2044Q1.csv", rejected));
		assertThat(rejectedCells.get("问题清单")).contains("=HYPERLINK(\"http://example.com/x\",\"点击\")", "+1+1", "-1-1",
				"@SUM(A1:A9)");
		assertThat(rejectedCells.get("回执")).contains("=公式_2044Q1.csv");
		assertThat(textCells(receipt("进展_2044Q2.csv", loaded)).get("已入库数据")).contains("=1+2", "+cmd|' /C calc'!A0");
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedUnreadItsBytesKeptAndTheNextFileLoaded() throws Exception {
		String before = fixture.warehouseState();
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		byte[] start = "指标编码,数值\nT002-01,14\n".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(start, 0, big, 0, start.length);
		java.util.Arrays.fill(big, start.length, big.length, (byte) '\n');
		fixture.drop("市教育局", "a大文件_2045Q1.csv", big);
		fixture.drop("市教育局", "b小文件_2045Q2.csv", "指标编码,数值\nT002-01,15\n", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("a大文件_2045Q1.csv");
		assertThat(fixture.errors(id)).as("refused whole; read, it would have loaded a figure").containsExactly("- - too_large");
		assertThat(fixture.messages(id).get(0)).contains("10.0 MB", "（10485761字节）", "没有读取", "原文件已留档");
		assertThat(fixture.values(id)).isEmpty();
		assertThat(archived(big)).hasBinaryContent(big);
		assertThat(fixture.values(fixture.submissionId("b小文件_2045Q2.csv"))).containsExactly("T002-01 370300 2045Q2 = 15");
		assertThat(fixture.warehouseState()).isNotEqualTo(before);
		assertThat(Files.readString(fixture.inbox().resolve("市教育局/a大文件_2045Q1.csv.回执(" + id + ").txt")))
			.contains("未入库", "10.0 MB");
		assertThat(logLines("a大文件_2045Q1.csv is 10485761 bytes, over the limit etl.ingest.max-file-size")).hasSize(1);
	}

	@Test
	void aNulCharacterInACellIsShownAndRefusedAndTheNextFileLoads() throws Exception {
		Path folder = Files.createDirectories(fixture.inbox().resolve("市教育局"));
		fixture.drop("市教育局", "a空字符_2045Q3.csv", "指标编码,数值,备注\nT002-01,1\u0000,x\n", StandardCharsets.UTF_8);
		HSSFWorkbook xls = new HSSFWorkbook();
		Sheet sheet = xls.createSheet("数据");
		String[][] rows = { { "指标编码", "数值", "备注" }, { "T002-01", "1\u0000", "x" }, { "T002-00", "推进中", "说明\u0000\u0001" } };
		for (int r = 0; r < rows.length; r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < rows[r].length; c++) {
				row.createCell(c).setCellValue(rows[r][c]);
			}
		}
		Fixtures.workbook(folder, "b空字符_2045Q3.xls", xls);
		Fixtures.zip(folder, "c空字符_2045Q3.xlsx", workbook("<c t=\"inlineStr\"><is><t>1_x0000_</t></is></c>"));
		fixture.drop("市教育局", "d之后_2045Q4.csv", "指标编码,数值\nT002-01,16\n", StandardCharsets.UTF_8);

		fixture.ingest();

		assertThat(fixture.errors(fixture.submissionId("a空字符_2045Q3.csv"))).containsExactly("- - corrupt_file");
		for (String name : List.of("b空字符_2045Q3.xls", "c空字符_2045Q3.xlsx")) {
			assertThat(fixture.errors(fixture.submissionId(name))).as(name).singleElement().asString().startsWith("2 数值 ");
			assertThat(fixture.jdbc()
				.sql("SELECT value FROM reporting.submission_error WHERE submission_id = ?")
				.param(fixture.submissionId(name))
				.query(String.class)
				.single()).as(name).isEqualTo("1\uFFFD");
		}
		assertThat(fixture.values(fixture.submissionId("d之后_2045Q4.csv"))).containsExactly("T002-01 370300 2045Q4 = 16");
	}

	@Test
	void linksPlantedAtTheNamesOfTheNextReceiptsNeverRedirectTheirWriting() throws Exception {
		Path victim = Files.writeString(outside.resolve("victim"), "ORIGINAL");
		Path folder = Files.createDirectories(fixture.inbox().resolve("市教育局"));
		long next = fixture.jdbc().sql("SELECT coalesce(max(submission_id), 0) + 1 FROM warehouse.submission").query(Long.class).single();
		List<Path> planted = new ArrayList<>();
		for (long n = next; n < next + 6; n++) {
			for (String name : List.of(".v_2045H1.csv.回执(" + n + ").txt.tmp", ".v_2045H1.csv.回执(" + n + ").xlsx.tmp",
					"v_2045H1.csv.回执(" + n + ").txt", "v_2045H1.csv.回执(" + n + ").xlsx")) {
				planted.add(Files.createSymbolicLink(folder.resolve(name), victim));
			}
		}
		fixture.drop("市教育局", "v_2045H1.csv", "指标编码,数值\nT002-01,17\n", StandardCharsets.UTF_8);

		fixture.ingest();

		assertThat(victim).hasContent("ORIGINAL");
		long id = fixture.submissionId("v_2045H1.csv");
		assertThat(fixture.values(id)).containsExactly("T002-01 370300 2045H1 = 17");
		Path receipt = folder.resolve("v_2045H1.csv.回执(" + id + ").txt");
		assertThat(receipt).as("the link at the receipt's name was replaced, not followed").isRegularFile();
		assertThat(Files.isSymbolicLink(receipt)).isFalse();
		assertThat(Files.readString(receipt)).contains("已入库");
		assertThat(fixture.submission("v_2045H1.csv").get("receipt_path").toString()).as("absolute, whatever the working directory")
			.startsWith("/")
			.endsWith("v_2045H1.csv.回执(" + id + ").xlsx");
	}

	private long submissionsOf(String fileName) {
		return fixture.jdbc()
			.sql("SELECT count(*) FROM warehouse.submission WHERE file_name = ?")
			.param(fileName)
			.query(Long.class)
			.single();
	}

	private Path archived(Path file) throws Exception {
		return archived(Files.readAllBytes(file));
	}

	private Path archived(byte[] bytes) throws Exception {
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		return fixture.archive().resolve(sha.substring(0, 2)).resolve(sha);
	}

	private Path receipt(String fileName, long id) {
		return fixture.inbox().resolve("市教育局").resolve(fileName + ".回执(" + id + ").xlsx");
	}

	/**
	 * The text cells of every sheet of a receipt workbook; fails on a formula cell, and on text that
	 * looks like a formula without Excel's quote prefix.
	 */
	private static Map<String, List<String>> textCells(Path workbook) throws IOException {
		assertThat(readable(workbook)).as("no formula element in any sheet").doesNotContain("<f>", "<f ");
		Map<String, List<String>> cells = new LinkedHashMap<>();
		try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
			for (Sheet sheet : book) {
				List<String> texts = new ArrayList<>();
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING) {
							String text = cell.getStringCellValue();
							texts.add(text);
							if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
								assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix on " + text).isTrue();
							}
						}
					}
				}
				cells.put(sheet.getSheetName(), texts);
			}
		}
		catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
			throw new IOException(ex);
		}
		return cells;
	}

	/** A file's text; a workbook's, every part of it unzipped. */
	private static String readable(Path file) throws IOException {
		if (!file.toString().endsWith(".xlsx")) {
			return Files.readString(file);
		}
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				try (var in = zip.getInputStream(entry)) {
					in.transferTo(text);
				}
			}
		}
		return text.toString(StandardCharsets.UTF_8);
	}

	/** This test's lines of the log holding the text. */
	private List<String> logLines(String containing) throws IOException {
		byte[] log = Files.readAllBytes(LOG);
		String logged = new String(log, (int) logStart, log.length - (int) logStart, StandardCharsets.UTF_8);
		return logged.lines().filter(line -> line.contains(containing)).toList();
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
