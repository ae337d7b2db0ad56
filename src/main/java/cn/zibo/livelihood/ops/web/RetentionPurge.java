package cn.zibo.livelihood.ops.web;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the job repository small enough for the runs page: under {@code serve}, at start-up and then
 * daily, job executions older than {@code etl.retention.job-executions} (90 days by default) are
 * deleted with their steps, contexts and parameters ({@code batch.purge_job_executions}, R__job_repository.sql).
 * Kept whatever their age: running executions, the earlier attempts of a run that is running again
 * (a restart resumes from them) and the latest execution of every job. Several instances may start a
 * purge at once: one purges, the others find the lock taken and delete nothing.
 */
@ServeOnly
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	private final JdbcClient jdbc;

	private final Duration retention;

	RetentionPurge(JdbcClient jdbc, WebSettings settings) {
		this.jdbc = jdbc;
		this.retention = settings.retention().jobExecutions();
	}

	/** At start-up, then once a day. */
	@Scheduled(initialDelay = 0, fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.DAYS)
	void daily() {
		try {
			purge();
		}
		catch (RuntimeException ex) {
			log.warn("Purging old job executions failed; will try again tomorrow", ex);
		}
	}

	/** @return how many job executions were deleted */
	int purge() {
		if (retention.isZero() || retention.isNegative()) {
			return 0;
		}
		LocalDateTime before = LocalDateTime.now().minus(retention);
		int purged = jdbc.sql("SELECT batch.purge_job_executions(?)").param(before).query(Integer.class).single();
		if (purged > 0) {
			log.info("Purged {} job execution(s) created before {} (etl.retention.job-executions={})", purged, before,
					retention);
		}
		return purged;
	}

}
