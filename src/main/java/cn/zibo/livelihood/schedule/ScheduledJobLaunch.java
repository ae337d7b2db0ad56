package cn.zibo.livelihood.schedule;

import java.util.Optional;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;

import cn.zibo.livelihood.jobs.Executions;

/**
 * What a schedule's trigger does when it fires (on whichever instance of the cluster acquired it):
 * runs its Spring Batch job to the end through {@link Executions}. Quartz runs one firing of a
 * schedule at a time across the cluster ({@link DisallowConcurrentExecution}); a run of the same job
 * already in progress in this process (the inbox watcher's ingest, say) makes this firing a no-op,
 * since that run does the work.
 */
@DisallowConcurrentExecution
class ScheduledJobLaunch implements org.quartz.Job {

	private static final Logger log = LoggerFactory.getLogger(ScheduledJobLaunch.class);

	private final Executions executions;

	private final BatchJobs jobs;

	ScheduledJobLaunch(Executions executions, BatchJobs jobs) {
		this.executions = executions;
		this.jobs = jobs;
	}

	@Override
	public void execute(JobExecutionContext context) {
		String schedule = context.getJobDetail().getKey().getName();
		JobDataMap data = context.getMergedJobDataMap();
		String name = data.getString(ScheduleRegistrar.BATCH_JOB);
		Optional<Job> job = jobs.named(name);
		if (job.isEmpty()) {
			log.error("Schedule {} names job {}, which this instance does not have; is it an older version?", schedule, name);
			return;
		}
		log.info("Schedule (作业计划) {} fired: running {}", schedule, name);
		Optional<JobExecution> run = executions.startUnlessRunning(job.get(),
				ScheduleRegistrar.parameters(data.getString(ScheduleRegistrar.PARAMETERS)), "schedule " + schedule);
		run.ifPresent(execution -> log.info("Schedule {}: {} execution {} {}", schedule, name, execution.getId(),
				execution.getStatus()));
	}

}
