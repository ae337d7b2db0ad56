package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.ingest.Archive.ArchivedFile;
import cn.zibo.livelihood.ingest.Inbox.InboxFile;
import cn.zibo.livelihood.ingest.Inbox.InboxLink;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.warehouse.Submissions;

/**
 * Takes complete files out of the inbox: archive the bytes, record the submission (its own committed
 * transaction), and only then remove the file from the inbox. A crash anywhere in between leaves
 * the file either still in the inbox (and claimed at most once, by its name and bytes) or archived
 * and recorded: never lost, never taken twice.
 * <p>
 * A file is taken only as it was when it was archived: one still held open by its writer is left
 * alone ({@link OpenFiles}), one whose identity, size or time changed while it was copied stays for
 * the next scan, and only the very file that was archived is removed ({@link Taking}), so a newer
 * file saved over it meanwhile (as Excel saves) stays in the inbox and is taken as a submission of
 * its own.
 * <p>
 * Other instances of the pipeline may watch the same inbox. Taking files is therefore done under
 * the database's intake lock ({@link Submissions#lockIntake}), held until the files taken are gone
 * from the inbox: an instance that scanned while another was taking files would otherwise claim a
 * file again after its first claim was processed, or fail reading a file that was just removed.
 * <p>
 * Symbolic links are not followed ({@link Inbox}): each is handed, once, to whoever tells the sender
 * why it was not taken (a receipt beside it), and logged.
 */
@Component
public class Intake {

	private static final Logger log = LoggerFactory.getLogger(Intake.class);

	private final Inbox inbox;

	private final Archive archive;

	private final Submissions submissions;

	private final CurrentCatalogue catalogue;

	private final TransactionTemplate ownTransaction;

	private final IngestMetrics metrics;

	private final TransactionTemplate intakeTransaction;

	Intake(PipelineProperties properties, Submissions submissions, CurrentCatalogue catalogue,
			PlatformTransactionManager transactionManager, IngestMetrics metrics) {
		this.metrics = metrics;
		this.inbox = new Inbox(properties.inbox(), properties.ingest().settle());
		this.archive = new Archive(properties.ingest().archive());
		this.submissions = submissions;
		this.catalogue = catalogue;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.intakeTransaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Takes every complete file, holding the intake lock for the caller's transaction (or, outside one,
	 * until all are taken).
	 *
	 * @param refuseLink writes the receipt of a link not yet answered, which is not followed
	 * @return the ids of the submissions claimed
	 */
	public List<Long> claimAll(Long jobExecutionId, Consumer<InboxLink> refuseLink) {
		return intakeTransaction.execute(status -> {
			submissions.lockIntake();
			for (InboxLink link : inbox.unansweredLinks()) {
				log.warn("Not following the symbolic link {} (符号链接) to {}: links in the inbox are never read or moved; "
						+ "a receipt beside it tells the sender", Inbox.printable(inbox.root().relativize(link.path()).toString()),
						target(link));
				try {
					refuseLink.accept(link);
				}
				catch (RuntimeException ex) {
					log.warn("Could not write the receipt beside the link {}: {}", Inbox.printable(link.path().toString()), ex.getMessage());
				}
			}
			return claimEach(jobExecutionId);
		});
	}

	private static String target(InboxLink link) {
		try {
			return Inbox.printable(Files.readSymbolicLink(link.path()).toString());
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * A file set aside but not deleted (the process died in between) is deleted when it is the file a
	 * submission claimed, and otherwise put back where it was, to be taken like any other.
	 */
	private void recoverSetAside() {
		for (InboxFile aside : inbox.setAside()) {
			String original = Taking.originalName(aside.fileName());
			ArchivedFile archived = archive.store(aside.path());
			if (original != null && submissions.claimed(aside.folder(), original, archived.sha256())) {
				try {
					Files.deleteIfExists(aside.path());
				}
				catch (IOException ex) {
					log.warn("Could not delete {}: {}", Inbox.printable(aside.path().toString()), ex.getMessage());
				}
			}
			else {
				Taking.putBack(aside.path(), aside.path().resolveSibling(original != null ? original : "恢复的文件" + aside.fileName()));
			}
		}
	}

	private List<Long> claimEach(Long jobExecutionId) {
		recoverSetAside();
		List<Long> claimed = new ArrayList<>();
		List<InboxFile> files = inbox.scan();
		OpenFiles open = files.isEmpty() ? null : OpenFiles.snapshot();
		for (InboxFile file : files) {
			if (open.holds(file.path())) {
				log.info("{}/{} is still open in another program (being written); taken once it is closed",
						Inbox.printable(file.folder()), Inbox.printable(file.fileName()));
				continue;
			}
			Optional<FileState> before = FileState.of(file.path());
			Optional<ArchivedFile> stored = before.flatMap(state -> archive(file));
			if (stored.isEmpty()) {
				continue;
			}
			ArchivedFile archived = stored.get();
			if (!before.equals(FileState.of(file.path())) || archived.size() != before.get().size()) {
				log.info("{}/{} changed while it was being taken (still written, or replaced); taken again once it settles",
						Inbox.printable(file.folder()), Inbox.printable(file.fileName()));
				continue;
			}
			String department = catalogue.get().catalogue().department(file.folder()).map(Department::code).orElse(null);
			Optional<Long> id = ownTransaction.execute(status -> submissions.claim(department, file.folder(), file.fileName(),
					archived.sha256(), archived.size(), archived.path(), jobExecutionId));
			id.ifPresent(claimed::add);
			id.ifPresent(claimedId -> metrics.fileReceived(department));
			log.info("Received (收到) {}/{} as submission {} ({} bytes, sha256 {})", Inbox.printable(file.folder()),
					Inbox.printable(file.fileName()),
					id.map(String::valueOf).orElse("already claimed"), archived.size(), archived.sha256().substring(0, 12));
			Taking.remove(file, before.get());
		}
		return claimed;
	}

	/**
	 * Empty when the file went away after the scan (its sender took it back), or was replaced by a link,
	 * which the next scan finds and answers.
	 */
	private Optional<ArchivedFile> archive(InboxFile file) {
		try {
			return Optional.of(archive.store(file.path()));
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof NoSuchFileException) {
				log.info("{}/{} left the inbox before it was taken; nothing to do", Inbox.printable(file.folder()),
						Inbox.printable(file.fileName()));
				return Optional.empty();
			}
			if (Files.isSymbolicLink(file.path())) {
				log.info("{}/{} became a symbolic link before it was taken; not followed", Inbox.printable(file.folder()),
						Inbox.printable(file.fileName()));
				return Optional.empty();
			}
			throw ex;
		}
	}

	public Inbox inbox() {
		return inbox;
	}

}
