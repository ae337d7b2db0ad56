package cn.zibo.livelihood.ops.web;

import java.util.List;
import java.util.Map;

import cn.zibo.livelihood.ops.text.Words;

/**
 * What an operator reads for Spring Batch's codes: run and step statuses, job and step names, what
 * launched a run, and what a run's counts mean for its job (files received, figures loaded, findings
 * opened) instead of the bare read and write counts, which sum unlike things over the steps.
 */
final class RunWords {

	static final RunWords INSTANCE = new RunWords();

	/** Runs that are under way: the pages refresh themselves while one is. */
	static final List<String> RUNNING = List.of("STARTING", "STARTED", "STOPPING");

	private static final Map<String, String> STATUS = Map.of("COMPLETED", "完成", "FAILED", "失败", "STARTED", "运行中",
			"STARTING", "正在启动", "STOPPING", "正在停止", "STOPPED", "已停止", "ABANDONED", "已放弃", "UNKNOWN", "状态不明",
			"NOOP", "无事可做", "EXECUTING", "运行中");

	private static final Map<String, String> STEPS = Map.of("inboxClaimStep", "收取文件", "submissionLoadStep", "校验入库",
			"receiptWriteStep", "写回执", "reconcileStep", "数据核对", "catalogueLoadStep", "载入指标目录");

	private RunWords() {
	}

	public String status(String status) {
		return STATUS.getOrDefault(status, "其他");
	}

	/**
	 * A run's state as the list shows it: a completed run that refused files, and a failed one a later
	 * run has made good, each in words of their own.
	 */
	public String state(Runs.Run run, RunNotes.Note note) {
		if (note != null && "COMPLETED".equals(run.status()) && note.completedWithRejections()) {
			return "完成，有退回文件";
		}
		if (note != null && note.madeGoodBy() != null && run.restartedAs() == null) {
			return status(run.status()) + "，已由后续运行补做";
		}
		return run.restartedAs() != null ? status(run.status()) + "，已重新运行" : status(run.status());
	}

	/** The style of that state: rejections, and failures made good or restarted, have their own colours. */
	public String stateClass(Runs.Run run, RunNotes.Note note) {
		if (note != null && "COMPLETED".equals(run.status()) && note.completedWithRejections()) {
			return "with-rejections";
		}
		if (note != null && note.madeGoodBy() != null || run.restartedAs() != null) {
			return "made-good";
		}
		return run.status();
	}

	/** Why a run did not complete, and what to do; null for one that did. */
	public RunFailures.Cause cause(Runs.Run run) {
		return RunFailures.of(run);
	}

	/** The job's name as the command line says it too; a job the pipeline does not know is 其他作业. */
	public String job(String name) {
		String words = Words.job(name);
		return words.equals(name) ? "其他作业" : words;
	}

	public String step(String name) {
		return STEPS.getOrDefault(name, "其他步骤");
	}

	/**
	 * What launched a run, from its parameters as the summary view writes them
	 * ({@code launched.by=operator admin, run.id=5}): the command line, the inbox watcher, a schedule,
	 * the web page, the start-up recovery. A restart from the web page keeps its first attempt's.
	 */
	public String launchedBy(String parameters) {
		String by = parameter(parameters, "launched.by");
		if (by == null) {
			return "未记录";
		}
		if (by.equals("command")) {
			return "命令行";
		}
		if (by.equals("inbox watcher")) {
			return "收件箱有新文件（自动）";
		}
		if (by.startsWith("schedule")) {
			return "定时计划";
		}
		if (by.startsWith("operator ")) {
			return "网页操作（" + by.substring("operator ".length()) + "）";
		}
		if (by.equals("start-up recovery")) {
			return "服务启动时自动续跑";
		}
		return "其他";
	}

	static String parameter(String parameters, String name) {
		if (parameters == null) {
			return null;
		}
		for (String pair : parameters.split(", (?=[a-z.]+=)")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}

	/** What a run did, in its job's terms. */
	public String counts(Runs.Run run, RunNotes.Note note) {
		OperatorWords n = OperatorWords.INSTANCE;
		return switch (run.jobName()) {
			case "ingestJob" -> (note == null || note.files() == 0 ? "没有收取新文件"
					: "收取文件 " + n.count(note.files()) + " 个：入库 " + n.count(note.loaded()) + "，退回 " + n.count(note.rejected())
							+ (note.duplicate() > 0 ? "，重复 " + n.count(note.duplicate()) : "")
							+ (note.waiting() > 0 ? "，待处理 " + n.count(note.waiting()) : ""))
					+ (note == null || note.figuresRead() == 0 ? ""
							: "；校验数值 " + n.count(note.figuresRead()) + " 个：入库 " + n.count(note.figuresLoaded()) + "，退回 "
									+ n.count(note.figuresRefused()));
			case "reconcileJob" -> "新发现 " + n.count(run.writeCount()) + " 条，关闭 " + n.count(run.filterCount()) + " 条";
			case "catalogueLoadJob" -> "载入 " + n.count(run.writeCount()) + " 行";
			default -> "读取 " + n.count(run.readCount()) + "，写入 " + n.count(run.writeCount());
		};
	}

	/** What a step did, in its own terms. */
	public String counts(Runs.Step step) {
		OperatorWords n = OperatorWords.INSTANCE;
		return switch (step.stepName()) {
			case "inboxClaimStep" -> "收取文件 " + n.count(step.writeCount()) + " 个";
			case "submissionLoadStep" -> "读取数值 " + n.count(step.readCount()) + " 个，入库 " + n.count(step.writeCount())
					+ " 个，退回 " + n.count(step.filterCount()) + " 个";
			case "receiptWriteStep" -> "写回执 " + n.count(step.writeCount()) + " 份"
					+ (step.skipCount() > 0 ? "，" + n.count(step.skipCount()) + " 份未能写出" : "");
			case "reconcileStep" -> "新发现 " + n.count(step.writeCount()) + " 条，关闭 " + n.count(step.filterCount()) + " 条";
			case "catalogueLoadStep" -> "载入 " + n.count(step.writeCount()) + " 行";
			default -> "读取 " + n.count(step.readCount()) + "，写入 " + n.count(step.writeCount()) + "，过滤 "
					+ n.count(step.filterCount()) + "，跳过 " + n.count(step.skipCount());
		};
	}

	/** Seconds as an operator reads them: 1.2 秒, 3 分 05 秒. */
	public String duration(Double seconds) {
		if (seconds == null) {
			return "—";
		}
		if (seconds < 60) {
			return String.format("%.1f 秒", seconds);
		}
		long s = Math.round(seconds);
		return String.format("%d 分 %02d 秒", s / 60, s % 60);
	}

}
