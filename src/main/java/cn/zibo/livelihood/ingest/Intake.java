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

	private List<Long> claimEach(Long jobExecutionId) {
		List<Long> claimed = new ArrayList<>();
		for (InboxFile file : inbox.scan()) {
			Optional<ArchivedFile> stored = archive(file);
			if (stored.isEmpty()) {
				continue;
			}
			ArchivedFile archived = stored.get();
			String department = catalogue.get().catalogue().department(file.folder()).map(Department::code).orElse(null);
			Optional<Long> id = ownTransaction.execute(status -> submissions.claim(department, file.folder(), file.fileName(),
					archived.sha256(), archived.size(), archived.path(), jobExecutionId));
			id.ifPresent(claimed::add);
			id.ifPresent(claimedId -> metrics.fileReceived(department));
			log.info("Received (收到) {}/{} as submission {} ({} bytes, sha256 {})", Inbox.printable(file.folder()),
					Inbox.printable(file.fileName()),
					id.map(String::valueOf).orElse("already claimed"), archived.size(), archived.sha256().substring(0, 12));
			try {
				Files.deleteIfExists(file.path());
			}
			catch (IOException ex) {
				log.warn("Archived and claimed, but could not remove {} from the inbox: {}", file.path(), ex.getMessage());
			}
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
