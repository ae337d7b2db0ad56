package cn.zibo.livelihood.ops.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators read for codes and numbers, and why a run failed, in Chinese. */
class OperatorWordsTests {

	final OperatorWords words = OperatorWords.INSTANCE;

	final RunWords runs = RunWords.INSTANCE;

	@Test
	void numbersCarrySeparatorsAndTargetsTheFormsComparators() {
		assertThat(words.number(new BigDecimal("1980000000.00"))).isEqualTo("1,980,000,000");
		assertThat(words.number(new BigDecimal("63.50"))).isEqualTo("63.5");
		assertThat(words.target(">=", new BigDecimal("50000"))).isEqualTo("≥50,000");
		assertThat(words.target("<=", 5)).isEqualTo("≤5");
		assertThat(words.period("2024Q3")).isEqualTo("2024年第三季度");
		assertThat(words.district("370300", "淄博市")).isEqualTo("全市");
	}

	@Test
	void codesReadAsWordsAndAnUnforeseenCodeAsOther() {
		assertThat(words.progress("no_data")).isEqualTo("无数据");
		assertThat(words.kind("cumulative_decrease")).isEqualTo("累计值下降");
		assertThat(words.kind("new_kind")).isEqualTo("其他");
		assertThat(words.submission("received", 0)).isEqualTo("待处理");
		assertThat(words.submission("loaded", 2)).isEqualTo("部分入库");
		assertThat(runs.status("COMPLETED")).isEqualTo("完成");
		assertThat(runs.status("SOMETHING")).isEqualTo("其他");
		assertThat(runs.job("ingestJob")).isEqualTo("数据接收");
		assertThat(runs.job("benchmarkProbeJob")).isEqualTo("其他作业");
		assertThat(runs.duration(185.0)).isEqualTo("3 分 05 秒");
	}

	@Test
	void whatLaunchedARunIsReadFromItsParameters() {
		assertThat(runs.launchedBy("instance=host-1, launched.by=operator admin, process=1@h, run.id=5")).isEqualTo("网页操作（admin）");
		assertThat(runs.launchedBy("launched.by=inbox watcher, run.id=6")).isEqualTo("收件箱有新文件（自动）");
		assertThat(runs.launchedBy("launched.by=schedule ingest, run.id=7")).isEqualTo("定时计划");
		assertThat(runs.launchedBy("launched.by=command, run.id=8")).isEqualTo("命令行");
		assertThat(runs.launchedBy("launched.by=start-up recovery, run.id=9")).isEqualTo("服务启动时自动续跑");
		assertThat(runs.launchedBy("run.id=10")).isEqualTo("未记录");
	}

	@Test
	void aFindingsSubmissionReferencesAreCutOutToBeLinked() {
		assertThat(words.parts("市民政局 填报 100(报送#3《a.csv》);人社 填报 120(报送#12《b.csv》), >= 5"))
			.containsExactly(new OperatorWords.Part("市民政局 填报 100(", null), new OperatorWords.Part("报送#3", 3L),
					new OperatorWords.Part("《a.csv》);人社 填报 120(", null), new OperatorWords.Part("报送#12", 12L),
					new OperatorWords.Part("《b.csv》), ≥ 5", null));
	}

	@Test
	void aFailedRunSaysItsCauseInChineseWithWhatToDo() {
		RunFailures.Cause mapping = RunFailures.of(failed("java.lang.IllegalStateException: Bad mapping file(s) in /m (表头映射):\n"
				+ "  坏的.yml: Unrecognized field \"valeu\" (class cn.zibo.livelihood.ingest.Mappings$MappingFile)\n"
				+ "\tat cn.zibo.livelihood.ingest.Mappings.load(Mappings.java:119)"));
		RunFailures.Cause unforeseen = RunFailures.of(failed("java.lang.NullPointerException\n\tat x.y(Z.java:1)"));

		assertThat(mapping.cause()).startsWith("表头映射文件有误：坏的.yml。").doesNotContain("Exception", "Unrecognized");
		assertThat(mapping.action()).contains("mappings", "重新运行");
		assertThat(unforeseen.cause()).isEqualTo("运行中发生了系统未预料的错误。");
		assertThat(unforeseen.action()).contains("详细信息", "var/log/pipeline.log");
		assertThat(RunFailures.of(run("COMPLETED", null))).isNull();
	}

	private static Runs.Run failed(String message) {
		return run("FAILED", message);
	}

	private static Runs.Run run(String status, String failure) {
		LocalDateTime now = LocalDateTime.now();
		return new Runs.Run(1, "ingestJob", 1, now, now, now, now, status, status, failure, 1.0, 1, 0, 0, 0, 0, 0,
				"launched.by=command, run.id=1", null, failure);
	}

}
