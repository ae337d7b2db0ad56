package cn.zibo.livelihood.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;

import cn.zibo.livelihood.jobs.Executions;

/**
 * Before {@code serve} schedules or watches anything: executions a killed process left running are
 * recovered, and a failed or stopped last ingest is restarted, so its claimed files are finished
 * before new ones are taken.
 * <p>
 * Which executions are the dead process's? Another live instance's run looks just the same in the
 * job repository, so only an execution not updated for {@code etl.recover-after} (2 minutes) counts
 * as abandoned. Too short a setting recovers a live run whose current step has not committed for
 * that long (it then fails on its next update; no work is lost or done twice, the claims being in
 * the database); too long a setting leaves a dead run marked running for longer. Instances starting
 * together take turns: one recovers, the others see the lock taken and skip.
 */
final class StartupRecovery {

	/** PostgreSQL advisory lock held by the instance recovering. */
	static final long RECOVERY_LOCK = 113_000_002L;

	private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

	private final Executions executions;

	private final BatchJobs jobs;

	private final Job ingestJob;

	private final DataSource dataSource;

	private final Duration staleAfter;

	StartupRecovery(Executions executions, BatchJobs jobs, Job ingestJob, DataSource dataSource, Duration staleAfter) {
		this.executions = executions;
		this.jobs = jobs;
		this.ingestJob = ingestJob;
		this.dataSource = dataSource;
		this.staleAfter = staleAfter;
	}

	/** Never fails start-up: what it cannot do is logged, and the page shows the executions as they are. */
	void run() {
		try (Connection connection = dataSource.getConnection()) {
			if (!advisoryLock(connection, "pg_try_advisory_lock")) {
				log.info("Start-up recovery: another instance is recovering now; skipped");
				return;
			}
			try {
				recover();
			}
			finally {
				advisoryLock(connection, "pg_advisory_unlock");
			}
		}
		catch (Exception ex) {
			log.error("Start-up recovery failed; serving anyway", ex);
		}
	}

	private void recover() throws Exception {
		int recovered = 0;
		for (String name : jobs.names()) {
			recovered += executions.recoverStale(jobs.named(name).orElseThrow(), staleAfter).size();
		}
		var restarted = executions.finishLastIfFailed(ingestJob, "start-up recovery");
		log.info("Start-up recovery: {} abandoned execution(s) recovered; {}", recovered,
				restarted.map(run -> "ingest restarted as execution " + run.getId() + ", " + run.getStatus())
					.orElse("no failed ingest to finish"));
	}

	private static boolean advisoryLock(Connection connection, String function) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
			statement.setLong(1, RECOVERY_LOCK);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

}
