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
import org.springframework.batch.core.job.JobExecution;

import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.schedule.RunLiveness.Verdict;

/**
 * Before {@code serve} schedules or watches anything: executions a killed process left running are
 * recovered, and a failed or stopped last ingest is restarted, so its claimed files are finished
 * before new ones are taken. While serving, the same recovery runs at every heartbeat, so that the
 * runs of an instance that died elsewhere are recovered too; the inbox watcher then processes the
 * work they left.
 * <p>
 * Which executions are a dead process's? Each run names its process, and {@link RunLiveness} judges
 * it from that process's heartbeat (or, on this machine, its pid): a run judged dead is recovered at
 * once. A run that cannot be judged (started by a one-shot command, whose process does not beat, or
 * by a version without the heartbeat) looks just like another live instance's, so it counts as
 * abandoned only when not updated for {@code etl.recover-after} (2 minutes). Too short a setting
 * recovers such a live run whose current step has not committed for that long (it then fails on its
 * next update; no work is lost or done twice, the claims being in the database); too long a setting
 * leaves a dead one marked running for longer. Instances recovering at the same moment take turns:
 * one recovers, the others see the lock taken and skip.
 */
final class StartupRecovery {

	/** PostgreSQL advisory lock held by the instance recovering. */
	static final long RECOVERY_LOCK = 113_000_002L;

	private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

	private final Executions executions;

	private final BatchJobs jobs;

	private final Job ingestJob;

	private final DataSource dataSource;

	private final RunLiveness liveness;

	private final Duration staleAfter;

	StartupRecovery(Executions executions, BatchJobs jobs, Job ingestJob, DataSource dataSource, RunLiveness liveness,
			Duration staleAfter) {
		this.executions = executions;
		this.jobs = jobs;
		this.ingestJob = ingestJob;
		this.dataSource = dataSource;
		this.liveness = liveness;
		this.staleAfter = staleAfter;
	}

	/**
	 * At start-up. Never fails it: what it cannot do is logged, and the page shows the executions as they are.
	 *
	 * @return whether an ingest was restarted (and so may have loaded figures)
	 */
	boolean run() {
		return locked(true);
	}

	/** While serving: recovers what was abandoned since, without restarting it (the watcher takes the work up). */
	void recoverAbandoned() {
		locked(false);
	}

	private boolean locked(boolean startingUp) {
		try (Connection connection = dataSource.getConnection()) {
			if (!advisoryLock(connection, "pg_try_advisory_lock")) {
				if (startingUp) {
					log.info("Start-up recovery: another instance is recovering now; skipped");
				}
				return false;
			}
			try {
				if (startingUp) {
					return recoverAndRestart();
				}
				recoverAll();
				return false;
			}
			finally {
				advisoryLock(connection, "pg_advisory_unlock");
			}
		}
		catch (Exception ex) {
			if (startingUp) {
				log.error("Start-up recovery failed; serving anyway", ex);
			}
			else {
				log.warn("Recovery of abandoned runs failed; trying again at the next heartbeat: {}", ex.getMessage());
			}
			return false;
		}
	}

	private boolean recoverAndRestart() throws Exception {
		int recovered = recoverAll();
		var restarted = executions.finishLastIfFailed(ingestJob, "start-up recovery");
		log.info("Start-up recovery: {} abandoned execution(s) recovered; {}", recovered,
				restarted.map(run -> "ingest restarted as execution " + run.getId() + ", " + run.getStatus())
					.orElse("no failed ingest to finish"));
		return restarted.isPresent();
	}

	private int recoverAll() {
		int recovered = 0;
		for (String name : jobs.names()) {
			recovered += executions.recoverAbandoned(jobs.named(name).orElseThrow(), this::abandoned).size();
		}
		return recovered;
	}

	private boolean abandoned(JobExecution execution) {
		Verdict verdict = liveness.of(execution);
		return verdict == Verdict.DEAD || (verdict == Verdict.UNKNOWN && Executions.notUpdatedFor(execution, staleAfter));
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
