package cn.zibo.livelihood.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule's Quartz cron expression as an operator reads it: 每天02:30, 工作日（周一至周五）8:00至18:50每10分钟.
 * Only the shapes schedules are written in are put into words (fixed seconds; fixed, stepped or
 * every minute; fixed, ranged or every hour; every day, or days of the week); anything else is
 * empty, and the page shows the expression itself under its details.
 */
final class CronWords {

	private static final Map<String, String> DAYS = Map.of("MON", "周一", "TUE", "周二", "WED", "周三", "THU", "周四", "FRI",
			"周五", "SAT", "周六", "SUN", "周日");

	private static final List<String> WEEK = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");

	private static final Pattern STEP = Pattern.compile("(?:\\*|0)/(\\d{1,2})");

	private static final Pattern RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

	private CronWords() {
	}

	static Optional<String> of(String cron) {
		String[] f = cron.trim().toUpperCase(java.util.Locale.ROOT).split("\\s+");
		if (f.length < 6 || f.length > 7 || !NUMBER.matcher(f[0]).matches() || !f[4].equals("*")
				|| (f.length == 7 && !f[6].equals("*"))) {
			return Optional.empty();
		}
		Optional<String> days = days(f[3], f[5]);
		Optional<String> times = times(f[1], f[2]);
		if (days.isEmpty() || times.isEmpty()) {
			return Optional.empty();
		}
		// 每5分钟 says every day already
		return Optional.of(days.get().equals("每天") && times.get().startsWith("每") ? times.get() : days.get() + times.get());
	}

	private static Optional<String> days(String dayOfMonth, String dayOfWeek) {
		boolean everyMonthDay = dayOfMonth.equals("*") || dayOfMonth.equals("?");
		if (!everyMonthDay) {
			return Optional.empty();
		}
		if (dayOfWeek.equals("*") || dayOfWeek.equals("?")) {
			return Optional.of("每天");
		}
		if (dayOfWeek.equals("MON-FRI") || dayOfWeek.equals("2-6")) {
			return Optional.of("工作日（周一至周五）");
		}
		String[] listed = dayOfWeek.split(",");
		StringBuilder words = new StringBuilder("每");
		for (String day : listed) {
			String name = DAYS.get(day.matches("[1-7]") ? WEEK.get(Integer.parseInt(day) - 1) : day);
			if (name == null) {
				return Optional.empty();
			}
			words.append(words.length() > 1 ? "、" : "").append(name);
		}
		return Optional.of(words.toString());
	}

	private static Optional<String> times(String minutes, String hours) {
		Matcher step = STEP.matcher(minutes);
		if (NUMBER.matcher(minutes).matches()) {
			int minute = Integer.parseInt(minutes);
			if (NUMBER.matcher(hours).matches()) {
				return Optional.of(String.format("%02d:%02d", Integer.parseInt(hours), minute));
			}
			return hourly(hours, "每小时第" + minute + "分");
		}
		if (step.matches()) {
			String every = "每" + step.group(1) + "分钟";
			Matcher range = RANGE.matcher(hours);
			if (range.matches()) {
				int by = Integer.parseInt(step.group(1));
				int last = 59 / by * by;
				return Optional.of(Integer.parseInt(range.group(1)) + ":00至" + Integer.parseInt(range.group(2)) + ":"
						+ String.format("%02d", last) + every);
			}
			return hours.equals("*") ? Optional.of(every) : Optional.empty();
		}
		if (minutes.equals("*") && hours.equals("*")) {
			return Optional.of("每分钟");
		}
		return Optional.empty();
	}

	private static Optional<String> hourly(String hours, String minute) {
		if (hours.equals("*")) {
			return Optional.of(minute);
		}
		Matcher range = RANGE.matcher(hours);
		return range.matches() ? Optional.of(Integer.parseInt(range.group(1)) + "时至" + Integer.parseInt(range.group(2)) + "时"
				+ minute) : Optional.empty();
	}

}
