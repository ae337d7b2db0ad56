package cn.zibo.livelihood.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names uploads get in a department folder: what the clerk chose, cleaned until the intake takes it. */
class UploadNamesTests {

	@Test
	void aPathSentAsTheNameKeepsOnlyItsLastPart() {
		assertThat(UploadNames.clean("C:\\fakepath\\市教育局_2081Q1.xlsx")).hasValue("市教育局_2081Q1.xlsx");
		assertThat(UploadNames.clean("../../市民政局/报表.csv")).hasValue("报表.csv");
	}

	@Test
	void namesTheInboxWouldNeverTakeAreMadeTakeable() {
		assertThat(UploadNames.clean(".隐藏.csv")).hasValue("隐藏.csv");
		assertThat(UploadNames.clean("~$报表.xlsx")).hasValue("报表.xlsx");
		assertThat(UploadNames.clean("报表.回执(3).xlsx")).hasValue("报表_回执(3).xlsx");
		assertThat(UploadNames.clean("a\nb\u202e?.CSV")).hasValue("a_b__.csv");
		assertThat(UploadNames.clean(" 报表 . .xls")).hasValue("报表.xls");
		assertThat(UploadNames.clean(".xlsx")).hasValue("上传文件.xlsx");
	}

	@Test
	void onlyTheIntakesExtensionsAreAccepted() {
		assertThat(UploadNames.clean("报表.pdf")).isEmpty();
		assertThat(UploadNames.clean("报表.xlsx.exe")).isEmpty();
		assertThat(UploadNames.clean("报表")).isEmpty();
		assertThat(UploadNames.clean(null)).isEmpty();
		assertThat(UploadNames.clean("报表.XLSX")).hasValue("报表.xlsx");
	}

	@Test
	void aLongNameIsShortenedKeepingItsExtension() {
		String cleaned = UploadNames.clean("市".repeat(200) + ".xlsx").orElseThrow();

		assertThat(cleaned).startsWith("市市市").endsWith(".xlsx");
		assertThat(cleaned.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(UploadNames.MAX_BYTES);
	}

}
