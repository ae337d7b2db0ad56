package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.ingest.read.TabularFile;
import cn.zibo.livelihood.ingest.read.TabularFiles;
import cn.zibo.livelihood.ingest.read.UnreadableFileException;
import cn.zibo.livelihood.validate.Entry;
import cn.zibo.livelihood.validate.Figure;
import cn.zibo.livelihood.validate.FigureRules;
import cn.zibo.livelihood.validate.NumberText;
import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.validate.Problem;

/**
 * Reads one submitted file into checked figures: opens it, finds its layout, reads every entry and
 * checks it. Valid figures stream to a consumer as they are read, so memory does not grow with the
 * file; problems are collected (up to {@link #MAX_PROBLEMS}, all of them counted). A file larger
 * than {@code etl.ingest.max-file-size} is refused before anything in it is read.
 */
public final class SubmissionReader {

	private static final Logger log = LoggerFactory.getLogger(SubmissionReader.class);

	public static final int MAX_PROBLEMS = 20_000;

	private final Catalogue catalogue;

	private final Mappings mappings;

	private final long maxFileBytes;

	public SubmissionReader(Catalogue catalogue, Mappings mappings, long maxFileBytes) {
		this.catalogue = catalogue;
		this.mappings = mappings;
		this.maxFileBytes = maxFileBytes;
	}

	/** What reading a file found. */
	public record Result(String sheet, boolean partial, int figures, int invalidFigures, List<Problem> problems,
			int problemsNotListed) {

		/** The file as a whole could not be read: unreadable, no header found, or a bad header. */
		public boolean fileRejected() {
			return sheet == null || problems.stream().anyMatch(p -> p.rowNo() == null);
		}

	}

	/**
	 * @param file the bytes to read (the archived copy)
	 * @param fileName the name the department gave it, which may carry the period
	 */
	public Result read(Path file, String fileName, Department department, Consumer<Figure> valid) {
		Mapping mapping = mappings.forFile(department.code(), fileName);
		List<Problem> problems = new ArrayList<>();
		long size = size(file);
		if (size > maxFileBytes) {
			log.warn("{} is {} bytes, over the limit etl.ingest.max-file-size ({} bytes): refused without reading it",
					Inbox.printable(fileName), size, maxFileBytes);
			UnreadableFileException refused = TabularFiles.overLimit(file, size, maxFileBytes);
			problems.add(Problem.ofFile(refused.code(), refused.chineseMessage()));
			return new Result(null, mapping.partial(), 0, 0, problems, 0);
		}
		try (NamedCopy named = new NamedCopy(file, fileName); TabularFile tabular = TabularFiles.open(named.path())) {
			Layout layout = new LayoutDetector(mapping, catalogue).detect(tabular, problems);
			if (layout == null) {
				return new Result(null, mapping.partial(), 0, 0, problems, 0);
			}
			Period period = defaultPeriod(mapping, layout, fileName);
			FigureRules rules = new FigureRules(catalogue, department, period);
			Counter counter = new Counter(problems);
			new EntryReader(layout, tabular.mergedRanges(layout.sheet())).read(tabular, entry -> counter.check(entry, rules, valid));
			return new Result(layout.sheet(), mapping.partial(), counter.figures, counter.invalid, problems, counter.notListed);
		}
		catch (UnreadableFileException ex) {
			problems.add(Problem.ofFile(ex.code(), ex.chineseMessage()));
			return new Result(null, mapping.partial(), 0, 0, problems, 0);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the size of " + file, ex);
		}
	}

	private static Period defaultPeriod(Mapping mapping, Layout layout, String fileName) {
		if (mapping.period() != null) {
			return Period.parse(mapping.period()).orElse(null);
		}
		Optional<Period> fromTitle = Period.find(layout.titleText());
		return fromTitle.or(() -> Period.find(fileName)).orElse(null);
	}

	/** Counts figures and problems; keeps the first problems, counts the rest. */
	private static final class Counter {

		private final List<Problem> problems;

		private int figures;

		private int invalid;

		private int notListed;

		Counter(List<Problem> problems) {
			this.problems = problems;
		}

		void check(Entry entry, FigureRules rules, Consumer<Figure> valid) {
			if (entry.value().isBlank() || NumberText.read(entry.value().text()) instanceof NumberText.NotReported) {
				return;
			}
			figures++;
			List<Problem> found = new ArrayList<>();
			Optional<Figure> figure = rules.check(entry, found);
			if (found.isEmpty()) {
				figure.ifPresent(valid);
				return;
			}
			invalid++;
			for (Problem problem : found) {
				if (problems.size() < MAX_PROBLEMS) {
					problems.add(problem);
				}
				else {
					notListed++;
				}
			}
		}

	}

}
