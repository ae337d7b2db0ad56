package cn.zibo.livelihood.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static cn.zibo.livelihood.Requirements.require;

/**
 * Files refused whole or in their rows for reasons beyond a bad value: each with its code, where it
 * is, a receipt, the original archived, and the warehouse untouched.
 */
@PipelineIntegrationTest
class FileRejectionIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void rowsNamingNoKnownTaskOrIndicatorOrPeriodAreRefusedWithTheirRows() throws Exception {
		String before = fixture.warehouseState();
		fixture.drop("市教育局", "任务问题.csv", """
				任务编号,指标编码,指标名称,数值
				200,,新改扩建公办幼儿园,5
				3,T002-01,,5
				,,,5
				2,,不存在的指标,5
				2,T002-01,,5
				""", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("任务问题.csv");
		assertThat(fixture.errors(id)).containsExactly("2 任务编号 unknown_task", "3 任务编号 task_mismatch", "4 - missing_indicator",
				"5 指标名称 unknown_indicator", "6 - no_period");
		assertThat(fixture.messages(id)).anySatisfy(m -> assertThat(m).contains("第5行", "不是任务2的指标", "T002-01 新改扩建公办幼儿园"));
		assertThat(fixture.warehouseState()).isEqualTo(before);
	}

	@Test
	void aHeaderNamingOneFieldTwiceIsRefusedRatherThanGuessed() throws Exception {
		fixture.drop("市教育局", "重复列_2023Q1.csv", "指标编码,完成值,实际值\nT002-01,5,6\n", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("重复列_2023Q1.csv");
		assertThat(fixture.submission("重复列_2023Q1.csv")).containsEntry("status", "rejected");
		assertThat(fixture.errors(id)).containsExactly("1 实际值 duplicate_header");
	}

	@Test
	void aFileWithoutARecognisableHeaderOrWithNothingInItIsRefusedWhole() throws Exception {
		fixture.drop("市教育局", "随便写写.csv", "今天天气很好\n明天也很好\n", StandardCharsets.UTF_8);
		fixture.drop("市教育局", "空文件.csv", new byte[0]);
		fixture.drop("市教育局", "只有表头_2023Q1.csv", "指标编码,数值\nT002-01,—\n", StandardCharsets.UTF_8);

		fixture.ingest();

		assertThat(fixture.errors(fixture.submissionId("随便写写.csv"))).containsExactly("- - no_header");
		assertThat(fixture.errors(fixture.submissionId("空文件.csv"))).containsExactly("- - empty_file");
		assertThat(fixture.errors(fixture.submissionId("只有表头_2023Q1.csv"))).containsExactly("- - no_figures");
	}

	@Test
	void anEncryptedWorkbookIsRefusedSayingSoAndItsBytesAreKept() throws Exception {
		Path encrypted = Path.of("../shared/corpus/apache-poi/spreadsheet/protected_passtika.xlsx");
		require(Files.exists(encrypted), "the shared corpus is not beside the project");
		fixture.drop("市教育局", "加密.xlsx", Files.readAllBytes(encrypted));

		fixture.ingest();

		long id = fixture.submissionId("加密.xlsx");
		assertThat(fixture.errors(id)).containsExactly("- - encrypted");
		assertThat(fixture.messages(id).get(0)).contains("加密");
		String sha = (String) fixture.submission("加密.xlsx").get("sha256");
		assertThat(fixture.archive().resolve(sha.substring(0, 2)).resolve(sha)).hasSameBinaryContentAs(encrypted);
	}

	@Test
	void lockHiddenTemporaryAndStillGrowingFilesAreLeftAlone() throws Exception {
		fixture.drop("市教育局", "~$报表.xlsx", new byte[] { 1, 2, 3 });
		fixture.drop("市教育局", ".隐藏.csv", "x".getBytes(StandardCharsets.UTF_8));
		fixture.drop("市教育局", "复制中.csv.part", "x".getBytes(StandardCharsets.UTF_8));
		fixture.drop("市教育局", "下载.tmp", "x".getBytes(StandardCharsets.UTF_8));
		Path growing = fixture.drop("市教育局", "正在写入_2023Q1.csv", "指标编码,数值\n".getBytes(StandardCharsets.UTF_8));
		Inbox inbox = new Inbox(fixture.inbox(), java.time.Duration.ofMinutes(5));

		assertThat(inbox.scan()).as("nothing is complete yet").isEmpty();
		assertThat(Inbox.takes(growing)).isTrue();
	}

}
