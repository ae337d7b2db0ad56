package cn.zibo.livelihood.schedule;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;

import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.reconcile.Reconciler;

/**
 * The reconciliation after the inbox watcher's ingest runs, on a thread of its own, so that a file
 * dropped while findings are being made is taken, loaded and answered at once rather than after
 * them. Requests coalesce: one reconcile run at a time, and every request made while one runs is
 * served by a single run after it, which sees all their figures (a run reconciles everything that
 * changed since the last). Runs take turns with the scheduled reconcile and other instances' through
 * {@link Executions} and the database's reconcile lock, and a run starts only when figures changed
 * since the last reconciliation, whoever loaded them.
 */
final class ReconcileQueue {

	private static final Logger log = LoggerFactory.getLogger(ReconcileQueue.class);

	/** How long to wait before asking again when a reconcile run of this process was already under way. */
	private static final long BUSY_WAIT_MILLIS = 1000;

	private final Executions executions;

	private final Job reconcileJob;

	private final Reconciler reconciler;

	private final AtomicBoolean queued = new AtomicBoolean();

	private volatile boolean stopping;

	private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "reconcile-queue");
		thread.setDaemon(true);
		return thread;
	});

	ReconcileQueue(Executions executions, Job reconcileJob, Reconciler reconciler) {
		this.executions = executions;
		this.reconcileJob = reconcileJob;
		this.reconciler = reconciler;
	}

	/** Asks for a reconciliation soon; merged into one already queued and not yet started. */
	void request() {
		if (!stopping && queued.compareAndSet(false, true)) {
			runner.execute(this::reconcile);
		}
	}

	private void reconcile() {
		queued.set(false);
		try {
			while (!stopping && reconciler.pending()) {
				Optional<JobExecution> run = executions.startUnlessRunning(reconcileJob, Map.of(), "inbox watcher");
				if (run.isPresent()) {
					if (run.get().getStatus() != BatchStatus.COMPLETED && !stopping) {
						log.warn("Reconcile execution {} after ingest ended {}; the next file's, or the schedule's, tries again",
								run.get().getId(), run.get().getStatus());
					}
					return;
				}
				// a reconcile of this process (a schedule's) was under way, and may have begun before
				// these figures were committed: ask again once it has had time to end
				Thread.sleep(BUSY_WAIT_MILLIS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Reconciliation after ingest could not run: {}; the next file's, or the schedule's, tries again",
					ex.getMessage(), ex);
		}
	}

	/**
	 * Stops taking requests; a queued one is dropped: the next watched file's reconciliation, a
	 * scheduled or operator's reconcile, or the restart of a stopped ingest run at the next start-up
	 * brings the findings up to date (it reconciles everything changed since the last run).
	 */
	void stopTaking() {
		stopping = true;
	}

	/** Waits for a run under way to end, up to {@code seconds}. */
	void awaitStopped(int seconds) {
		runner.shutdown();
		try {
			if (!runner.awaitTermination(seconds, TimeUnit.SECONDS)) {
				log.warn("Reconciliation after ingest did not end within {} s", seconds);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
