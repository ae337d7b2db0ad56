package cn.zibo.livelihood.ops.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.zibo.livelihood.ops.text.Words;
import cn.zibo.livelihood.schedule.ScheduleBoard;

/**
 * 作业计划: the schedules of {@code jobs/} with their job in Chinese, when they run in words, when they
 * fire next and the job's latest run. Says so when this process does not run the scheduler (pages
 * served by a process started without it), since nothing here then fires in this process.
 */
@ServeOnly
@Controller
class SchedulesPage {

	private static final Logger log = LoggerFactory.getLogger(SchedulesPage.class);

	private final ScheduleBoard board;

	private final Runs runs;

	SchedulesPage(ScheduleBoard board, Runs runs) {
		this.board = board;
		this.runs = runs;
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	/**
	 * One schedule's line: the schedule, its job's Chinese name, when it fires next (in the schedule's
	 * own zone, which its cron expression is read in, whatever the server's) and the job's latest run.
	 */
	record Line(ScheduleBoard.Entry schedule, String jobName, String nextFire, Runs.Run lastRun, String lastStatus,
			String lastStarted) {
	}

	/** 2024年10月14日（周一）08:00. */
	static String fireTime(OffsetDateTime time) {
		return time == null ? null : DAY.format(time) + "（" + time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA)
				+ "）" + String.format("%02d:%02d", time.getHour(), time.getMinute());
	}

	@GetMapping("/schedules")
	String schedules(Model model) {
		model.addAttribute("runningHere", board.runningHere());
		List<Line> lines = new ArrayList<>();
		try {
			for (ScheduleBoard.Entry entry : board.entries()) {
				Runs.Run last = runs.latest(entry.job()).orElse(null);
				lines.add(new Line(entry, Words.job(entry.job()), fireTime(entry.nextFire()), last,
						last == null ? null : Words.runStatus(last.status()),
						last == null || last.startTime() == null ? null : MINUTE.format(last.startTime())));
			}
		}
		catch (IllegalStateException ex) {
			log.warn("The schedules cannot be shown: {}", ex.getMessage());
			model.addAttribute("problem", "作业计划文件（jobs 文件夹）有误，无法列出作业计划。请按“详细信息”中的说明改正后重新启动服务。");
			model.addAttribute("details", ex.getMessage());
		}
		model.addAttribute("lines", lines);
		return "schedules";
	}

}
