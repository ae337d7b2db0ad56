package cn.zibo.livelihood.schedule;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ThreadLocalRandom;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes Quartz's job store match {@code jobs/}: a Quartz job and one cron trigger per file, in the
 * group {@value #GROUP}. A trigger whose file is unchanged is left alone, so that it keeps its next
 * fire time and a slot missed while every instance was down still fires (once) on start-up; a
 * changed file replaces its trigger; a removed file removes its job. A disabled schedule stays
 * registered, paused.
 * <p>
 * Misfires (a fire time missed by more than Quartz's misfire threshold, 60 s, because no instance
 * was running or all were busy) fire once as soon as possible and then follow the cron expression:
 * after a weekend of downtime, one ingest, not hundreds.
 */
final class ScheduleRegistrar {

	static final String GROUP = "jobs";

	static final String BATCH_JOB = "batchJob";

	static final String PARAMETERS = "parameters";

	static final String FINGERPRINT = "fingerprint";

	private static final int ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Scheduler scheduler;

	private List<Schedule> registered = List.of();

	ScheduleRegistrar(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	List<Schedule> registered() {
		return registered;
	}

	/**
	 * Instances starting together on one database register the same schedules at the same moment.
	 * Quartz's check that a job exists and its insert are not one step, so one of them can fail on
	 * the other's row (duplicate key); it tries again a moment later, and then finds the schedule
	 * registered by the other, unchanged.
	 */
	void register(List<Schedule> schedules) throws SchedulerException {
		for (int attempt = 1;; attempt++) {
			try {
				registerOnce(schedules);
				return;
			}
			catch (SchedulerException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				log.warn("Registering the schedules (作业计划) clashed with another instance ({}); trying again", ex.getMessage());
				try {
					Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1000));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private void registerOnce(List<Schedule> schedules) throws SchedulerException {
		Set<JobKey> stale = new HashSet<>(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
		for (Schedule schedule : schedules) {
			stale.remove(JobKey.jobKey(schedule.name(), GROUP));
			TriggerKey key = TriggerKey.triggerKey(schedule.name(), GROUP);
			Trigger current = scheduler.getTrigger(key);
			if (current != null && schedule.fingerprint().equals(current.getJobDataMap().getString(FINGERPRINT))) {
				log.info("Schedule (作业计划) {} unchanged; next run {}", schedule.describe(), next(current, schedule));
				continue;
			}
			scheduler.scheduleJob(jobDetail(schedule), Set.of(trigger(schedule)), true);
			if (!schedule.enabled()) {
				scheduler.pauseTrigger(key);
			}
			log.info("Schedule (作业计划) {} {}; next run {}", schedule.describe(), current == null ? "registered" : "replaced",
					schedule.enabled() ? next(scheduler.getTrigger(key), schedule) : "none (paused)");
		}
		for (JobKey key : stale) {
			scheduler.deleteJob(key);
			log.info("Schedule (作业计划) {} removed: its file is gone from jobs/", key.getName());
		}
		registered = List.copyOf(schedules);
	}

	private static Object next(Trigger trigger, Schedule schedule) {
		return trigger.getNextFireTime() == null ? "none"
				: trigger.getNextFireTime().toInstant().atZone(schedule.timeZone()).toOffsetDateTime();
	}

	private static JobDetail jobDetail(Schedule schedule) {
		return JobBuilder.newJob(ScheduledJobLaunch.class)
			.withIdentity(schedule.name(), GROUP)
			.withDescription(schedule.description())
			.usingJobData(BATCH_JOB, schedule.job())
			.usingJobData(PARAMETERS, json.writeValueAsString(schedule.parameters()))
			.storeDurably()
			.build();
	}

	private static Trigger trigger(Schedule schedule) {
		return TriggerBuilder.newTrigger()
			.withIdentity(schedule.name(), GROUP)
			.forJob(schedule.name(), GROUP)
			.withDescription(schedule.description())
			.usingJobData(FINGERPRINT, schedule.fingerprint())
			.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
				.inTimeZone(TimeZone.getTimeZone(schedule.timeZone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	static Map<String, String> parameters(String encoded) {
		return encoded == null ? Map.of() : json.readValue(encoded, new TypeReference<Map<String, String>>() {
		});
	}

}
