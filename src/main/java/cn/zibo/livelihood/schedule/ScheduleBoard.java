package cn.zibo.livelihood.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.quartz.CronExpression;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.system.PipelineProperties;

/**
 * The schedules as the operator page shows them: what {@code serve} registered when it runs the
 * scheduler in this process, otherwise the files of {@code jobs/} as they are now; each with its
 * next fire time from Quartz's job store (shared by the cluster) or, when no trigger is stored,
 * worked out from its cron expression.
 */
@Component
public class ScheduleBoard {

	private final ObjectProvider<Scheduler> scheduler;

	private final ObjectProvider<ScheduleRegistrar> registrar;

	private final Set<String> jobNames;

	private final PipelineProperties properties;

	ScheduleBoard(ObjectProvider<Scheduler> scheduler, ObjectProvider<ScheduleRegistrar> registrar, List<Job> jobs,
			PipelineProperties properties) {
		this.scheduler = scheduler;
		this.registrar = registrar;
		this.jobNames = jobs.stream().map(Job::getName).collect(Collectors.toUnmodifiableSet());
		this.properties = properties;
	}

	/**
	 * One schedule.
	 *
	 * @param when the cron expression in Chinese words; null when it has no simple form
	 * @param nextFire when it fires next; null when paused or never again
	 * @param stored whether Quartz's job store holds its trigger (else the next fire time is worked out)
	 */
	public record Entry(String name, String job, String cron, ZoneId timeZone, String when, boolean enabled,
			String description, OffsetDateTime nextFire, boolean stored) {
	}

	/** Whether this process runs the scheduler ({@code serve} does; pages served without it do not). */
	public boolean runningHere() {
		Scheduler quartz = scheduler.getIfAvailable();
		try {
			return quartz != null && quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown();
		}
		catch (SchedulerException ex) {
			return false;
		}
	}

	/**
	 * @throws IllegalStateException when a file of {@code jobs/} is bad (naming every problem), which
	 * only a process without the scheduler gets to see: {@code serve} does not start with one
	 */
	public List<Entry> entries() {
		ScheduleRegistrar registered = registrar.getIfAvailable();
		List<Schedule> schedules = registered != null ? registered.registered()
				: ScheduleFiles.read(properties.jobs(), jobNames);
		return schedules.stream().map(this::entry).toList();
	}

	private Entry entry(Schedule schedule) {
		Trigger trigger = storedTrigger(schedule.name());
		Date next;
		if (trigger != null) {
			next = schedule.enabled() ? trigger.getNextFireTime() : null;
		}
		else {
			next = schedule.enabled() ? worked(schedule) : null;
		}
		return new Entry(schedule.name(), schedule.job(), schedule.cron(), schedule.timeZone(),
				CronWords.of(schedule.cron()).orElse(null), schedule.enabled(), schedule.description(),
				next == null ? null : next.toInstant().atZone(schedule.timeZone()).toOffsetDateTime(), trigger != null);
	}

	private Trigger storedTrigger(String name) {
		Scheduler quartz = scheduler.getIfAvailable();
		if (quartz == null) {
			return null;
		}
		try {
			return quartz.getTrigger(TriggerKey.triggerKey(name, ScheduleRegistrar.GROUP));
		}
		catch (SchedulerException ex) {
			return null;
		}
	}

	private static Date worked(Schedule schedule) {
		try {
			CronExpression cron = new CronExpression(schedule.cron());
			cron.setTimeZone(TimeZone.getTimeZone(schedule.timeZone()));
			return cron.getNextValidTimeAfter(new Date());
		}
		catch (java.text.ParseException ex) {
			return null; // ScheduleFiles checked it already
		}
	}

}
