package cn.zibo.livelihood.schedule;

import java.util.List;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.batch.core.job.Job;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.ingest.Intake;
import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.IngestJobConfiguration;
import cn.zibo.livelihood.jobs.ReconcileJobConfiguration;
import cn.zibo.livelihood.reconcile.Reconciler;
import cn.zibo.livelihood.system.DatabaseProbe;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.system.ThisProcess;
import cn.zibo.livelihood.warehouse.Submissions;

/**
 * Switched on with the scheduler: {@code serve} sets {@code spring.quartz.auto-startup=true}, every
 * other command false. The schedules are read and registered while the context starts, so a bad file
 * in {@code jobs/} stops start-up before anything runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "spring.quartz.auto-startup", matchIfMissing = true)
class ServeConfiguration {

	@Bean
	BatchJobs batchJobs(List<Job> jobs) {
		return new BatchJobs(jobs);
	}

	@Bean
	ScheduleRegistrar scheduleRegistrar(PipelineProperties properties, BatchJobs jobs, Scheduler scheduler)
			throws SchedulerException {
		ScheduleRegistrar registrar = new ScheduleRegistrar(scheduler);
		registrar.register(ScheduleFiles.read(properties.jobs(), jobs.names()));
		return registrar;
	}

	@Bean
	Serving serving(Executions executions, BatchJobs jobs, Intake intake, Submissions submissions, Reconciler reconciler,
			DataSource dataSource, JdbcClient jdbc, PipelineProperties properties, WatchProperties watch,
			HeartbeatProperties heartbeats, ScheduleRegistrar schedules) {
		Job ingest = jobs.named(IngestJobConfiguration.JOB_NAME).orElseThrow();
		ReconcileQueue reconciling = new ReconcileQueue(executions,
				jobs.named(ReconcileJobConfiguration.JOB_NAME).orElseThrow(), reconciler);
		Heartbeat heartbeat = new Heartbeat(jdbc, ThisProcess.current(), properties.instanceName(), heartbeats);
		StartupRecovery recovery = new StartupRecovery(executions, jobs, ingest, dataSource, new RunLiveness(heartbeat),
				properties.recoverAfter());
		return new Serving(heartbeat, recovery,
				new InboxWatcher(intake.inbox(), submissions, executions, ingest, reconciling::request, watch.retryAfter()),
				reconciling, watch, executions, schedules.registered(), DatabaseProbe.of(dataSource));
	}

}
