package cn.zibo.livelihood.report.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.validate.Problem;
import cn.zibo.livelihood.warehouse.PeriodLocks;

/**
 * Pre-checks (预检) a file sent on the department page or through the API, without submitting it: the
 * bytes are written to a folder of their own under {@code etl.ingest.scratch} (never into the inbox),
 * read and checked exactly as ingest would, judged as ingest would judge them (a closed period too),
 * and deleted. No receipt is written and nothing is recorded: the answer is the problems themselves.
 */
@Component
public class UploadPrechecks {

	private final Prechecks prechecks;

	private final PeriodLocks periodLocks;

	private final Path scratch;

	private final String contact;

	UploadPrechecks(Prechecks prechecks, PeriodLocks periodLocks, PipelineProperties properties) {
		this.prechecks = prechecks;
		this.periodLocks = periodLocks;
		this.scratch = properties.ingest().scratch();
		this.contact = properties.contact();
	}

	/**
	 * @param valid how many figures are valid in themselves
	 * @param wouldLoad whether ingest would load the file as it is
	 * @param problemsNotListed problems beyond those listed (a file with very many)
	 */
	public record Outcome(String fileName, int figures, int valid, boolean wouldLoad, List<Problem> problems,
			int problemsNotListed) {
	}

	/** @param fileName the name the file would have in the inbox (it may carry the period) */
	public Outcome check(String fileName, InputStream content, Department department) {
		Path folder = null;
		try {
			Files.createDirectories(scratch);
			folder = Files.createTempDirectory(scratch.toAbsolutePath(), "precheck-");
			Path file = folder.resolve(fileName);
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				content.transferTo(out);
			}
			return judge(fileName, prechecks.read(file, fileName, department));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot pre-check " + fileName + " in " + scratch, ex);
		}
		finally {
			deleteTree(folder);
		}
	}

	/** As ingest judges a file it has read (SubmissionLoader): whole or not at all, unless partial. */
	private Outcome judge(String fileName, Prechecks.Read read) {
		var result = read.result();
		List<Problem> problems = new ArrayList<>(result.problems());
		List<String> closed = periodLocks.closedAmong(read.listed().stream().map(f -> f.period().code()).distinct().toList());
		if (!closed.isEmpty()) {
			problems.add(0, Problem.ofFile("period_closed", "报告期" + String.join("、", closed) + "已审核关闭，不再接收该期数据。"
					+ "如需更正，请联系" + contact + "申请重新开放该报告期"));
		}
		if (!result.fileRejected() && result.figures() == 0) {
			problems.add(Problem.ofFile("no_figures", "文件中没有任何数值（表头下的数值均为空或“—”“无”等占位符）。请填写数据后再报送"));
		}
		boolean wouldLoad = closed.isEmpty() && !result.fileRejected()
				&& (result.invalidFigures() == 0 || result.partial()) && result.figures() > result.invalidFigures();
		return new Outcome(fileName, result.figures(), read.valid(), wouldLoad, List.copyOf(problems),
				result.problemsNotListed());
	}

	private static void deleteTree(Path folder) {
		if (folder == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the pre-check folder " + folder, ex);
		}
	}

}
