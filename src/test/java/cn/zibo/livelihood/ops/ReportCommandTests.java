package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import cn.zibo.livelihood.PipelineApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report}'s usage errors are found while parsing, before anything starts: exit 2 and why. */
class ReportCommandTests {

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@Test
	void anUnknownOrIllFormedPeriodIsAUsageError() {
		int unknown = run("report", "--period", "2024Q5", "--out", "progress.xlsx");
		int words = run("report", "--period", "三季度", "--out", "progress.xlsx");

		assertThat(unknown).isEqualTo(2);
		assertThat(words).isEqualTo(2);
		assertThat(err.toString()).contains("选项--period的值有误：“2024Q5”不是报告期", "“三季度”不是报告期",
				"用法：livelihood-pipeline report");
	}

	@Test
	void aMissingPeriodOrAnOutputThatIsNotAnXlsxFileIsAUsageError() {
		int missing = run("report", "--out", "progress.xlsx");
		int csv = run("report", "--period", "2024Q3", "--out", "progress.csv");

		assertThat(missing).isEqualTo(2);
		assertThat(csv).isEqualTo(2);
		assertThat(err.toString()).contains("缺少必需的选项或参数：--period=P", "--out 须为 .xlsx 文件，现为“progress.csv”");
	}

	private int run(String... args) {
		return CommandLineLauncher.run(PipelineApplication.class, new PrintWriter(out, true), new PrintWriter(err, true), args);
	}

}
