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
import cn.zibo.livelihood.ingest.layout.EntryReader;
import cn.zibo.livelihood.ingest.layout.FileLayout;
import cn.zibo.livelihood.ingest.layout.Layouts;
import cn.zibo.livelihood.ingest.layout.ReadingText;
import cn.zibo.livelihood.ingest.layout.SheetLayout;
import cn.zibo.livelihood.ingest.layout.SheetRead;
import cn.zibo.livelihood.ingest.read.TabularFile;
import cn.zibo.livelihood.ingest.read.TabularFiles;
import cn.zibo.livelihood.ingest.read.UnreadableFileException;
import cn.zibo.livelihood.validate.Entry;
import cn.zibo.livelihood.validate.Figure;
import cn.zibo.livelihood.validate.FigureRules;
import cn.zibo.livelihood.validate.NumberText;
import cn.zibo.livelihood.validate.Problem;

/**
 * Reads one submitted file into checked figures: opens it, finds the layout of each sheet to read,
 * reads every entry and checks it. Valid figures stream to a consumer as they are read, so memory does not grow with the
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

	/**
	 * What reading a file found.
	 *
	 * @param sheet the sheets read (、 between several), or null when the file could not be read
	 * @param reading how the file was read, in Chinese, one {@code 名称：内容} line each (see {@link ReadingText})
	 */
	public record Result(String sheet, boolean partial, int figures, int invalidFigures, List<Problem> problems,
			int problemsNotListed, List<String> reading) {

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
			return new Result(null, mapping.partial(), 0, 0, problems, 0, List.of());
		}
		try (NamedCopy named = new NamedCopy(file, fileName); TabularFile tabular = TabularFiles.open(named.path())) {
			FileLayout layout = new Layouts(mapping, catalogue, mapping.period(), mapping.name()).detect(tabular, fileName,
					problems);
			if (layout.sheets().isEmpty() || !problems.isEmpty()) {
				return new Result(null, mapping.partial(), 0, 0, problems, 0, ReadingText.lines(layout, List.of(), csv(fileName)));
			}
			// every row gets its period and district from its sheet, title or file name when it has none
			FigureRules rules = new FigureRules(catalogue, department, null);
			Counter counter = new Counter(problems);
			List<SheetRead> reads = new ArrayList<>();
			for (SheetLayout sheet : layout.sheets()) {
				reads.add(new EntryReader(sheet).read(tabular, entry -> counter.check(entry, rules, valid)));
			}
			return new Result(layout.sheetNames(), mapping.partial(), counter.figures, counter.invalid, problems,
					counter.notListed, ReadingText.lines(layout, reads, csv(fileName)));
		}
		catch (UnreadableFileException ex) {
			problems.add(Problem.ofFile(ex.code(), ex.chineseMessage()));
			return new Result(null, mapping.partial(), 0, 0, problems, 0, List.of());
		}
	}

	private static boolean csv(String fileName) {
		return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the size of " + file, ex);
		}
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

		/**
		 * An entry is a figure when it is loaded or has a problem: a placeholder (—, 无) is not, nor is
		 * text under a value heading in a row that names no indicator (a sub-heading, a note).
		 */
		void check(Entry entry, FigureRules rules, Consumer<Figure> valid) {
			if (entry.value().isBlank() || NumberText.read(entry.value().text()) instanceof NumberText.NotReported) {
				return;
			}
			List<Problem> found = new ArrayList<>();
			Optional<Figure> figure = rules.check(entry, found);
			if (found.isEmpty()) {
				figure.ifPresent(f -> {
					figures++;
					valid.accept(f);
				});
				return;
			}
			figures++;
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
