package cn.zibo.livelihood.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.system.Outages;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.validate.Figure;
import cn.zibo.livelihood.validate.Problem;
import cn.zibo.livelihood.warehouse.FactLoader;
import cn.zibo.livelihood.warehouse.Facts;
import cn.zibo.livelihood.warehouse.PeriodLocks;
import cn.zibo.livelihood.warehouse.Submissions;
import cn.zibo.livelihood.warehouse.Submissions.Outcome;
import cn.zibo.livelihood.warehouse.Submissions.Pending;

/**
 * Processes one claimed submission inside the caller's transaction: a byte-identical repeat is
 * recorded as a duplicate; otherwise the file is read and checked, and loaded whole, in part (with
 * {@code policy: partial}) or not at all. A rejected file leaves the warehouse as it was.
 * <p>
 * A file that makes processing fail in a way nobody foresaw (a reader's bug, a value the database
 * refuses) stops only itself: its work is rolled back to a savepoint, it is rejected with a
 * file-level problem saying the operators were told, and its cause is kept for them. Only an outage
 * of the database fails the run, leaving the submission waiting for the restart.
 */
@Component
public class SubmissionLoader {

	private static final Logger log = LoggerFactory.getLogger(SubmissionLoader.class);

	private final PipelineProperties properties;

	private final CurrentCatalogue catalogue;

	private final Submissions submissions;

	private final Facts facts;

	private final PeriodLocks periodLocks;

	private final IngestMetrics metrics;

	private final TransactionTemplate savepoint;

	SubmissionLoader(PipelineProperties properties, CurrentCatalogue catalogue, Submissions submissions, Facts facts,
			PeriodLocks periodLocks, IngestMetrics metrics, PlatformTransactionManager transactionManager) {
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.periodLocks = periodLocks;
		this.metrics = metrics;
		this.properties = properties;
		this.catalogue = catalogue;
		this.submissions = submissions;
		this.facts = facts;
	}

	/** What processing one submission did, for the job's counts. */
	public record Processed(long submissionId, String status, int figures, int loaded) {
	}

	/** Processes the oldest waiting submission; empty when none is waiting. */
	public Optional<Processed> processNext() {
		return process(submissions.nextPending());
	}

	/** Processes the oldest waiting submission of one department ({@link Submissions#departmentsWaiting()}). */
	public Optional<Processed> processNextOf(String departmentCode) {
		return process(submissions.nextPendingOf(departmentCode));
	}

	private Optional<Processed> process(Optional<Pending> next) {
		return next.map(pending -> {
			// The mappings are the operators' settings, not the file's: a broken one fails the run and
			// leaves the file waiting until it is mended, rather than rejecting every department's file.
			Mappings mappings = Mappings.load(properties.mappings(), catalogue.get().catalogue());
			Processed processed = attempt(pending, mappings);
			metrics.submissionProcessed(pending.departmentCode(), processed.status(), processed.figures(), processed.loaded());
			return processed;
		});
	}

	private Processed attempt(Pending pending, Mappings mappings) {
		try {
			return savepoint.execute(status -> process(pending, mappings));
		}
		catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			if (Outages.isOutage(ex)) {
				throw ex;
			}
			log.error("Submission {} ({}/{}) could not be processed and is rejected; the run goes on with the next one",
					pending.id(), Inbox.printable(pending.folder()), Inbox.printable(pending.fileName()), ex);
			submissions.failed(pending.id(), Outages.describe(ex));
			return reject(pending, null, Problem.ofFile("internal_error", "系统处理该文件时发生内部错误，文件未入库，"
					+ "原文件已完整保存。运维人员已收到通知，处理后会告知是否需要重新报送；如有疑问请联系" + properties.contact() + "。"));
		}
	}

	private Processed process(Pending pending, Mappings mappings) {
		Optional<Long> earlier = submissions.earlierWithSameBytes(pending);
		if (earlier.isPresent()) {
			submissions.duplicate(pending.id(), earlier.get());
			log.info("Submission {} ({}/{}) is a byte-identical repeat of submission {}: not loaded again", pending.id(),
					Inbox.printable(pending.folder()), Inbox.printable(pending.fileName()), earlier.get());
			return new Processed(pending.id(), "duplicate", 0, 0);
		}
		CurrentCatalogue.Versioned current = catalogue.get();
		Catalogue cat = current.catalogue();
		Department department = pending.departmentCode() == null ? null
				: cat.departments().stream().filter(d -> d.code().equals(pending.departmentCode())).findFirst().orElse(null);
		if (department == null || department.group()) {
			return reject(pending, current.versionId(), Problem.ofFile("unknown_department", department == null
					? "文件夹名“" + pending.folder() + "”不是已知的牵头部门。请把文件放进本部门的文件夹（部门名称、别名或代码，如 市教育局 或 edu）"
					: "“" + department.name() + "”是成员单位的集合，不单独报送。请由各成员单位在本部门的文件夹中报送"));
		}
		try (FactLoader loader = facts.loader(pending.id(), department.code())) {
			SubmissionReader reader = new SubmissionReader(cat, mappings, properties.ingest().maxFileSize().toBytes());
			List<Figure> valid = new ArrayList<>();
			SubmissionReader.Result read = reader.read(pending.archivePath(), pending.fileName(), department, figure -> {
				loader.add(figure);
				if (valid.size() < Submissions.MAX_WITHHELD) {
					valid.add(figure);
				}
			});
			loader.flush();
			return judge(pending, current.versionId(), read, loader, valid);
		}
	}

	/**
	 * Keeps or undoes what the loader loaded, and records the outcome; the valid figures of a file
	 * refused whole are kept for its receipt, since they count as rejected.
	 */
	private Processed judge(Pending pending, int catalogueVersion, SubmissionReader.Result read, FactLoader loader,
			List<Figure> valid) {
		List<String> periods = loader.periods();
		List<Problem> problems = read.problems();
		List<String> closed = periodLocks.closedAmong(periods);
		if (!closed.isEmpty()) {
			problems = new ArrayList<>(problems);
			problems.add(0, Problem.ofFile("period_closed", "报告期" + String.join("、", closed) + "已审核关闭,不再接收该期数据。"
					+ "如需更正，请联系" + properties.contact() + "申请重新开放该报告期"));
		}
		boolean load = closed.isEmpty() && !read.fileRejected() && (read.invalidFigures() == 0 || read.partial())
				&& read.figures() > read.invalidFigures();
		if (!read.fileRejected() && read.figures() == 0) {
			problems = List.of(Problem.ofFile("no_figures", "文件中没有任何数值（表头下的数值均为空或“—”“无”等占位符）。请填写数据后再报送"));
		}
		Facts.Counts counts = Facts.Counts.NONE;
		if (load) {
			counts = loader.keep();
		}
		else {
			loader.undo();
		}
		int withheld = load ? 0 : read.figures() - read.invalidFigures();
		submissions.finish(pending.id(), new Outcome(load, read.partial(), catalogueVersion, read.sheet(),
				load ? periods : List.of(), read.figures(), counts, read.invalidFigures(), withheld, read.reading()), problems);
		if (!load) {
			submissions.withheld(pending.id(), valid);
		}
		log.info("Submission {} ({}/{}): {}, {} figure(s), {} loaded, {} with problems", pending.id(),
				Inbox.printable(pending.folder()), Inbox.printable(pending.fileName()), load ? "loaded" : "rejected", read.figures(), counts.loaded(),
				read.invalidFigures());
		return new Processed(pending.id(), load ? "loaded" : "rejected", read.figures(), counts.loaded());
	}

	private Processed reject(Pending pending, Integer catalogueVersion, Problem problem) {
		submissions.finish(pending.id(), new Outcome(false, false, catalogueVersion, null, List.of(), 0, Facts.Counts.NONE, 0, 0,
				List.of()), List.of(problem));
		log.info("Submission {} ({}/{}) rejected: {}", pending.id(), Inbox.printable(pending.folder()),
				Inbox.printable(pending.fileName()), problem.code());
		return new Processed(pending.id(), "rejected", 0, 0);
	}

}
