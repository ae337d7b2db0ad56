package cn.zibo.livelihood.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.quartz.CronExpression;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The schedules of {@code jobs/}, one YAML file each ({@code *.yml} or {@code *.yaml}; other files,
 * such as the README, are not schedules). Read whole and checked whole: a bad file stops start-up
 * with every problem of every file named at once, rather than scheduling half of what was meant.
 */
final class ScheduleFiles {

	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	/** Job parameters the pipeline sets itself on every run. */
	static final Set<String> RESERVED_PARAMETERS = Set.of("run.id", "instance", "launched.by");

	private static final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private ScheduleFiles() {
	}

	/** The YAML shape of a schedule file. */
	record ScheduleFile(String job, String cron, @JsonProperty("time-zone") String timeZone, Boolean enabled,
			Map<String, String> parameters, String description) {
	}

	/**
	 * @param jobNames the Spring Batch jobs of this pipeline, by name
	 * @throws IllegalStateException naming every bad file and what is wrong with it
	 */
	static List<Schedule> read(Path directory, Set<String> jobNames) {
		List<String> problems = new ArrayList<>();
		List<Schedule> schedules = new ArrayList<>();
		Map<String, String> fileOfName = new HashMap<>();
		for (Path file : yamlFiles(directory, problems)) {
			String fileName = file.getFileName().toString();
			String name = fileName.substring(0, fileName.lastIndexOf('.'));
			String earlier = fileOfName.putIfAbsent(name, fileName);
			if (earlier != null) {
				problems.add(fileName + ": a second schedule named '" + name + "' (also " + earlier + ")");
				continue;
			}
			List<String> own = new ArrayList<>();
			Schedule schedule = read(file, name, jobNames, own);
			own.forEach(p -> problems.add(fileName + ": " + p));
			if (own.isEmpty()) {
				schedules.add(schedule);
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Bad schedule file(s) in " + directory + " (作业计划):\n  "
					+ String.join("\n  ", problems));
		}
		return schedules;
	}

	private static List<Path> yamlFiles(Path directory, List<String> problems) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(Files::isRegularFile)
				.filter(f -> !f.getFileName().toString().startsWith("."))
				.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			problems.add(directory + ": " + ex.getMessage());
			return List.of();
		}
	}

	private static Schedule read(Path file, String name, Set<String> jobNames, List<String> problems) {
		ScheduleFile content;
		try {
			content = blank(file) ? null : yaml.readValue(file.toFile(), ScheduleFile.class);
		}
		catch (UnrecognizedPropertyException ex) {
			problems.add("unknown field '" + ex.getPropertyName() + "'; the fields are job, cron, time-zone, enabled,"
					+ " parameters and description");
			return null;
		}
		catch (JacksonException ex) {
			problems.add(ex.getOriginalMessage() + line(ex));
			return null;
		}
		catch (IOException ex) {
			problems.add("cannot be read: " + ex.getMessage());
			return null;
		}
		if (content == null) {
			problems.add("empty; a schedule needs at least job and cron");
			return null;
		}
		String known = String.join(", ", new TreeSet<>(jobNames));
		if (content.job() == null || content.job().isBlank()) {
			problems.add("job is missing (one of: " + known + ")");
		}
		else if (!jobNames.contains(content.job())) {
			problems.add("job '" + content.job() + "' is not a job of this pipeline (one of: " + known + ")");
		}
		ZoneId zone = zone(content.timeZone(), problems);
		checkCron(content.cron(), zone, problems);
		Map<String, String> parameters = content.parameters() == null ? Map.of() : content.parameters();
		parameters.forEach((key, value) -> {
			if (RESERVED_PARAMETERS.contains(key)) {
				problems.add("parameter '" + key + "' is set by the pipeline itself on every run");
			}
			else if (value == null) {
				problems.add("parameter '" + key + "' has no value");
			}
		});
		return problems.isEmpty() ? new Schedule(name, content.job(), content.cron().trim(), zone,
				content.enabled() == null || content.enabled(), parameters, content.description()) : null;
	}

	/** Nothing but blank lines and comments. */
	private static boolean blank(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
	}

	private static ZoneId zone(String timeZone, List<String> problems) {
		if (timeZone == null) {
			return DEFAULT_ZONE;
		}
		try {
			return ZoneId.of(timeZone.trim());
		}
		catch (DateTimeException ex) {
			problems.add("time-zone '" + timeZone + "' is not a time zone (e.g. Asia/Shanghai)");
			return DEFAULT_ZONE;
		}
	}

	private static void checkCron(String cron, ZoneId zone, List<String> problems) {
		if (cron == null || cron.isBlank()) {
			problems.add("cron is missing (a Quartz cron expression, e.g. '0 */10 8-18 ? * MON-FRI')");
			return;
		}
		try {
			CronExpression expression = new CronExpression(cron.trim());
			expression.setTimeZone(TimeZone.getTimeZone(zone));
			if (expression.getNextValidTimeAfter(new Date()) == null) {
				problems.add("cron '" + cron + "' never fires again");
			}
		}
		catch (ParseException ex) {
			problems.add("cron '" + cron + "' is not a Quartz cron expression (seconds minutes hours day-of-month month"
					+ " day-of-week [year], with ? in one of the two day fields): " + ex.getMessage());
		}
	}

	private static String line(JacksonException ex) {
		return ex.getLocation() == null || ex.getLocation().getLineNr() < 1 ? ""
				: " (line " + ex.getLocation().getLineNr() + ")";
	}

}
