package cn.zibo.livelihood.ops.web;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zibo.livelihood.system.DatabaseProbe;

/**
 * What {@code /actuator/health} and {@code /actuator/prometheus} add to Spring Boot's own (disk,
 * Spring Batch's job and step timers): the Quartz scheduler's state, for which Boot has no indicator,
 * and a database indicator that answers within about a second (Boot's waits for the connection pool,
 * up to 30 s when PostgreSQL is down). The open discrepancies by department are
 * {@link OpenDiscrepancyGauges}.
 */
@ServeOnly
@Configuration(proxyBeanMethods = false)
class ServeHealthAndMetrics {

	@Bean
	DatabaseProbe databaseProbe(DataSource dataSource) {
		return DatabaseProbe.of(dataSource);
	}

	/** Named so that it takes the place of Boot's {@code db} indicator. */
	@Bean
	HealthIndicator dbHealthIndicator(DatabaseProbe probe) {
		return () -> {
			DatabaseProbe.Result result = probe.check();
			return (result.reachable() ? Health.up() : Health.down().withDetail("error", result.problem()))
				.withDetail("database", probe.database())
				.build();
		};
	}

	/** DOWN only when the scheduler was shut down; standby (not yet started) is a normal state. */
	@Bean
	HealthIndicator quartzHealthIndicator(ObjectProvider<Scheduler> scheduler) {
		return () -> {
			Scheduler s = scheduler.getIfAvailable();
			if (s == null) {
				return Health.unknown().withDetail("scheduler", "none").build();
			}
			try {
				Health.Builder health = s.isShutdown() ? Health.down() : Health.up();
				return health.withDetail("name", s.getSchedulerName())
					.withDetail("instance", s.getSchedulerInstanceId())
					.withDetail("started", s.isStarted())
					.withDetail("standby", s.isInStandbyMode())
					.withDetail("clustered", s.getMetaData().isJobStoreClustered())
					.build();
			}
			catch (SchedulerException ex) {
				return Health.down(ex).build();
			}
		};
	}

}
