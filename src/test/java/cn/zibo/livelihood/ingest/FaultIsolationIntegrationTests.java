package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad file stops only itself: a cell too long for a receipt, a value beyond what the warehouse
 * stores, a file whose archived bytes vanished before it was read, a receipt that cannot be written.
 * Each ends as that file's outcome with a receipt (or a recorded failure), while another
 * department's file in the same run loads and is answered, and the run completes. Periods 2050 to
 * 2059 are this class's.
 */
@PipelineIntegrationTest
class FaultIsolationIntegrationTests {

	/** A title row and the header of the reproduction, for a period. */
	private static String title(String period) {
		return "\uFEFF淄博市教育局" + period + "民生重点任务进展填报表,,,,,,\n任务编号,指标编码,指标名称,区县,数值,单位,备注\n";
	}

	@Autowired
	IngestFixture fixture;

	@Autowired
	Intake intake;

	@BeforeEach
	void emptyInbox() {
		fixture.reset();
	}

	@Test
	void aValueCellOf40000CharactersIsRejectedInItsRowAndTheNextDepartmentIsStillAnswered() throws Exception {
		fixture.drop("市教育局", "long_2050Q1.csv", title("2050年第一季度") + "2,T002-01,新改扩建公办幼儿园,全市," + "x".repeat(40_000) + ",处,\n",
				StandardCharsets.UTF_8);
		fixture.drop("市民政局", "养老_2050Q1.csv", "指标编码,数值\nT059-01,120\n", StandardCharsets.UTF_8);

		JobExecution run = fixture.ingest();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long id = fixture.submissionId("long_2050Q1.csv");
		assertThat(fixture.submission("long_2050Q1.csv")).containsEntry("status", "rejected");
		assertThat(fixture.errors(id)).containsExactly("3 数值 not_a_number");
		assertThat(fixture.messages(id).get(0)).hasSizeLessThan(200).contains("已截断", "原文共40,000字");
		assertThat(receiptCells("市教育局", "long_2050Q1.csv", id)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(32_767));
		assertThat(fixture.values(fixture.submissionId("养老_2050Q1.csv"))).containsExactly("T059-01 370300 2050Q1 = 120");
		assertThat(receiptOf("市民政局", "养老_2050Q1.csv")).exists();
	}

	@Test
	void aRemarkOf40000CharactersLoadsAndItsReceiptSaysTheRemarkWasCut() throws Exception {
		fixture.drop("市教育局", "remark_2050Q2.csv", title("2050年第二季度")
				+ "2,T002-01,新改扩建公办幼儿园,全市,7,处," + "备".repeat(40_000) + "\n", StandardCharsets.UTF_8);

		JobExecution run = fixture.ingest();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long id = fixture.submissionId("remark_2050Q2.csv");
		assertThat(fixture.values(id)).containsExactly("T002-01 370300 2050Q2 = 7");
		assertThat(receiptCells("市教育局", "remark_2050Q2.csv", id)).anySatisfy(text -> assertThat(text)
			.hasSizeLessThanOrEqualTo(32_767)
			.startsWith("备备备")
			.endsWith("…（已截断，原文共40,000字）"));
		assertThat(Files.readString(receiptOf("市教育局", "remark_2050Q2.csv").resolveSibling("remark_2050Q2.csv.回执(" + id + ").txt")))
			.contains("已入库");
	}

	@Test
	void aValueBeyondWhatTheWarehouseStoresIsTooLargeInItsRowAndTheNextDepartmentLoads() throws Exception {
		String before = fixture.warehouseState();
		fixture.drop("市教育局", "huge_2051Q1.csv", title("2051年第一季度") + "2,T002-01,新改扩建公办幼儿园,全市,"
				+ "9".repeat(140_000) + ",处,\n2,T002-01,新改扩建公办幼儿园,张店区,1000000000000000,处,\n", StandardCharsets.UTF_8);
		fixture.drop("市民政局", "养老_2051Q1.csv", "指标编码,数值\nT059-01,121\n", StandardCharsets.UTF_8);

		JobExecution run = fixture.ingest();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long id = fixture.submissionId("huge_2051Q1.csv");
		assertThat(fixture.submission("huge_2051Q1.csv")).containsEntry("status", "rejected");
		assertThat(fixture.errors(id)).containsExactly("3 数值 too_large", "4 数值 too_large");
		assertThat(fixture.messages(id).get(0)).contains("超出可存储的范围");
		assertThat(receiptOf("市教育局", "huge_2051Q1.csv")).exists();
		assertThat(fixture.values(fixture.submissionId("养老_2051Q1.csv"))).containsExactly("T059-01 370300 2051Q1 = 121");
		assertThat(fixture.warehouseState()).isNotEqualTo(before);
	}

	@Test
	void aFileThatFailsUnexpectedlyIsRejectedWithAReceiptAndItsCauseKeptForTheOperators() throws Exception {
		fixture.drop("市教育局", "vanished_2052Q1.csv", "指标编码,数值,备注\nT002-01,30,归档文件将丢失\n", StandardCharsets.UTF_8);
		fixture.drop("市民政局", "养老_2052Q1.csv", "指标编码,数值\nT059-01,122\n", StandardCharsets.UTF_8);
		intake.claimAll(null, link -> {
		});
		Path archived = Path.of(fixture.jdbc()
			.sql("SELECT archive_path FROM warehouse.submission WHERE file_name = 'vanished_2052Q1.csv'")
			.query(String.class)
			.single());
		Files.delete(archived);

		JobExecution run = fixture.ingest();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long id = fixture.submissionId("vanished_2052Q1.csv");
		assertThat(fixture.submission("vanished_2052Q1.csv")).containsEntry("status", "rejected");
		assertThat(fixture.errors(id)).containsExactly("- - internal_error");
		assertThat(fixture.messages(id).get(0)).contains("内部错误", "运维人员已收到通知").doesNotContain("Exception");
		assertThat(failure(id)).contains(archived.getFileName().toString());
		assertThat(Files.readString(receiptOf("市教育局", "vanished_2052Q1.csv").resolveSibling("vanished_2052Q1.csv.回执(" + id + ").txt")))
			.contains("运维人员已收到通知");
		assertThat(fixture.values(fixture.submissionId("养老_2052Q1.csv"))).containsExactly("T059-01 370300 2052Q1 = 122");
	}

	@Test
	void aReceiptThatCannotBeWrittenIsRecordedAndDoesNotHoldUpTheOthers() throws Exception {
		Path outside = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "receipt-victim-");
		fixture.drop("市教育局", "folder_2053Q1.csv", "指标编码,数值,备注\nT002-01,31,部门文件夹将换成链接\n", StandardCharsets.UTF_8);
		fixture.drop("市民政局", "养老_2053Q1.csv", "指标编码,数值\nT059-01,123\n", StandardCharsets.UTF_8);
		intake.claimAll(null, link -> {
		});
		Path folder = fixture.inbox().resolve("市教育局");
		Files.delete(folder);
		Files.createSymbolicLink(folder, outside);

		JobExecution run = fixture.ingest();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long id = fixture.submissionId("folder_2053Q1.csv");
		assertThat(fixture.values(id)).containsExactly("T002-01 370300 2053Q1 = 31");
		try (var written = Files.list(outside)) {
			assertThat(written).as("nothing written through the link").isEmpty();
		}
		assertThat(failure(id)).contains("receipt", "not a real directory");
		assertThat(receiptOf("市民政局", "养老_2053Q1.csv")).exists();
		assertThat(fixture.jdbc()
			.sql("SELECT count(*) FROM warehouse.submission WHERE receipt_written_at IS NULL AND status <> 'received'")
			.query(Long.class)
			.single()).as("no submission left waiting for its receipt").isZero();
	}

	private String failure(long id) {
		return fixture.jdbc()
			.sql("SELECT failure FROM warehouse.submission WHERE submission_id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private Path receiptOf(String folder, String fileName) {
		return fixture.inbox().resolve(folder).resolve(fileName + ".回执(" + fixture.submissionId(fileName) + ").xlsx");
	}

	private List<String> receiptCells(String folder, String fileName, long id) throws IOException {
		List<String> texts = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(fixture.inbox().resolve(folder).resolve(fileName + ".回执(" + id + ").xlsx")))) {
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.STRING) {
							texts.add(cell.getStringCellValue());
						}
					}
				}
			}
		}
		return texts;
	}

}
