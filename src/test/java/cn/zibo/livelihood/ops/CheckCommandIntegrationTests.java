package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} as the launcher runs it prints how the file was read, word for word as its receipt. */
@PipelineIntegrationTest
class CheckCommandIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	IngestFixture fixture;

	@TempDir
	Path dir;

	@Test
	void checkPrintsHowTheFileWasReadAsTheReceiptSaysIt() throws Exception {
		fixture.reset();
		Path file = Files.writeString(dir.resolve("城管按月_2009年.csv"), """
				淄博市城市管理局2009年园林绿地按月完成情况,,
				指标编码,各月累计完成情况,
				,1月,2月
				T103-01,18,39
				""", StandardCharsets.UTF_8);
		CheckCommand command = new CheckCommand();
		new CommandLine(command).parseArgs(file.toString(), "--department", "市城市管理局");
		StringWriter out = new StringWriter();

		assertThat(command.run(context, new PrintWriter(out, true))).isZero();

		String receipt = Files.readString(dir.resolve("城管按月_2009年.csv.回执(预检).txt"));
		assertThat(out.toString()).contains("数值2个，有效2个，问题0个，报送后将入库", "读取方式：",
				"    版式：各期一列", "    表头：第2–3行（2行表头，按合并单元格合并读取），其上为标题行",
				"    报告期：取自各列表头（每列一期），未写年份的按标题行的年份");
		assertThat(receipt).contains("  版式：各期一列", "  表头：第2–3行（2行表头，按合并单元格合并读取），其上为标题行");
	}

}
