package cn.zibo.livelihood.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;

import cn.zibo.livelihood.jobs.Causes;
import cn.zibo.livelihood.ingest.Inbox;
import cn.zibo.livelihood.ingest.Inbox.InboxFile;
import cn.zibo.livelihood.ingest.Inbox.InboxLink;
import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.IngestJobConfiguration;
import cn.zibo.livelihood.warehouse.Submissions;

/**
 * Looks at the inbox every {@code etl.watch.interval} (polling works the same on every filesystem,
 * network shares included, where change notification does not) and runs ingest when a complete file
 * is there that it has not yet run ingest for. A file counts as complete once unchanged for
 * {@code etl.ingest.settle}, which is also the debounce: a burst of files copied together becomes one
 * or two runs, and a file still being written is waited for.
 * <p>
 * The run goes through {@link Executions#startUnlessRunning}, like the schedules', so it never
 * overlaps another ingest of this process. It ends with the receipts: its reconciliation is queued
 * ({@link ReconcileQueue}) and runs beside the next files, never before them. A file left in place after a successful run (one that
 * could not be removed) does not start another run until it changes; after a failed run the
 * watcher waits {@code etl.watch.retry-after} before trying again. A symbolic link nobody has
 * answered yet starts a run too, which writes the receipt saying it was not followed.
 * <p>
 * So does work waiting in the database with the inbox empty: a claimed submission without an
 * outcome, or a processed one without a receipt, as a killed run leaves them. Only when no ingest is
 * marked running anywhere (a live one takes the work up itself; a dead one is recovered first, at
 * the next heartbeat), and, should the work still wait after a run (held by another instance's
 * transaction), not again before {@code etl.watch.retry-after}: waiting work never makes the watcher
 * spin. Several instances may start such a run at once; the row locks give each submission to one.
 */
final class InboxWatcher {

	private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

	private final Inbox inbox;

	private final Submissions submissions;

	private final Executions executions;

	private final Job ingestJob;

	private final Runnable reconcileAfter;

	private final Duration retryAfter;

	/** Files (path, size, modification time) a run was started for. */
	private final Set<String> handedOver = new HashSet<>();

	private Instant quietUntil = Instant.MIN;

	InboxWatcher(Inbox inbox, Submissions submissions, Executions executions, Job ingestJob, Runnable reconcileAfter,
			Duration retryAfter) {
		this.reconcileAfter = reconcileAfter;
		this.inbox = inbox;
		this.submissions = submissions;
		this.executions = executions;
		this.ingestJob = ingestJob;
		this.retryAfter = retryAfter;
	}

	/** One look at the inbox; runs ingest to its end when there is something new, or work waiting. */
	void look() {
		if (Instant.now().isBefore(quietUntil)) {
			return;
		}
		try {
			lookNow();
		}
		catch (RuntimeException ex) {
			quietUntil = Instant.now().plus(retryAfter);
			handedOver.clear();
			log.warn("Inbox watcher: {}; trying again in {}", ex.getMessage(), retryAfter, ex);
		}
	}

	private void lookNow() {
		List<String> present = Stream.concat(inbox.scan().stream().map(InboxFile::path),
				inbox.unansweredLinks().stream().map(InboxLink::path))
			.map(InboxWatcher::identity)
			.filter(Objects::nonNull)
			.toList();
		handedOver.retainAll(present);
		List<String> fresh = present.stream().filter(id -> !handedOver.contains(id)).toList();
		if (fresh.isEmpty()) {
			takeUpWaitingWork();
			return;
		}
		log.info("Inbox watcher: {} new complete file(s) in {}; starting ingest", fresh.size(), inbox.root());
		handedOver.addAll(fresh);
		Optional<JobExecution> run = ingest();
		if (run.isEmpty()) {
			// Skipped: a run of this process was busy, and may have listed the inbox before these files came.
			fresh.forEach(handedOver::remove);
		}
		else if (run.get().getStatus() != BatchStatus.COMPLETED) {
			failed(run.get());
		}
	}

	private void takeUpWaitingWork() {
		if (!submissions.hasWaitingWork() || executions.anyRunning(ingestJob)) {
			return;
		}
		log.info("Inbox watcher: submissions wait in the database to be processed or answered (left by a run that ended"
				+ " early); starting ingest");
		Optional<JobExecution> run = ingest();
		if (run.isPresent() && run.get().getStatus() != BatchStatus.COMPLETED) {
			failed(run.get());
		}
		else if (run.isPresent() && submissions.hasWaitingWork()) {
			quietUntil = Instant.now().plus(retryAfter);
			log.warn("Inbox watcher: submissions still wait after ingest execution {} (another instance holds them?);"
					+ " looking again in {}", run.get().getId(), retryAfter);
		}
	}

	/**
	 * An ingest run that ends with the receipts; its reconciliation is queued, even after a failed run
	 * (what it loaded before failing is committed).
	 */
	private Optional<JobExecution> ingest() {
		Optional<JobExecution> run = executions.startUnlessRunning(ingestJob,
				Map.of(IngestJobConfiguration.RECONCILE, IngestJobConfiguration.RECONCILE_QUEUED), "inbox watcher");
		if (run.isPresent()) {
			reconcileAfter.run();
		}
		return run;
	}

	private void failed(JobExecution run) {
		quietUntil = Instant.now().plus(retryAfter);
		handedOver.clear();
		log.warn("Inbox watcher: ingest execution {} ended {}; trying again in {} ({})", run.getId(), run.getStatus(),
				retryAfter, Causes.of(run).stream().map(Throwable::getMessage).findFirst().orElse(""));
	}

	/** Null when the file went away since the scan; a link's own, never its target's. */
	private static String identity(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			return path + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
		}
		catch (IOException gone) {
			return null;
		}
	}

	Path root() {
		return inbox.root();
	}

}
