package cn.zibo.livelihood.ingest.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.ingest.layout.SheetLayout.Default;
import cn.zibo.livelihood.ingest.read.MergedRange;
import cn.zibo.livelihood.ingest.read.SheetRow;
import cn.zibo.livelihood.ingest.read.TabularFile;
import cn.zibo.livelihood.ingest.read.UnreadableFileException;
import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.validate.PeriodHeading;
import cn.zibo.livelihood.validate.Problem;
import cn.zibo.livelihood.validate.Text;

/**
 * Finds the layout of every visible sheet of a file: each sheet whose header matches is read (a
 * workbook's 填报说明 is not), as one submission. A hidden sheet is never read: a clerk cannot see
 * what it holds. A sheet named after a district or a period gives it to its rows that lack one.
 */
public final class Layouts {

	/** The header starts within this many rows of a sheet's top. */
	public static final int MAX_TITLE_ROWS = 30;

	private final Spellings spellings;

	private final Catalogue catalogue;

	private final String fixedPeriod;

	private final String mappingName;

	/**
	 * @param fixedPeriod a period the department's mapping fixes for files that carry none, or null
	 * @param mappingName the mapping's name, to say where such a period came from
	 */
	public Layouts(Spellings spellings, Catalogue catalogue, String fixedPeriod, String mappingName) {
		this.spellings = spellings;
		this.catalogue = catalogue;
		this.fixedPeriod = fixedPeriod;
		this.mappingName = mappingName;
	}

	/** Every sheet to read; none, with a file-level problem saying why, when no header is found. */
	public FileLayout detect(TabularFile file, String fileName, List<Problem> problems) throws UnreadableFileException {
		List<SheetLayout> found = new ArrayList<>();
		List<FileLayout.Skipped> skipped = new ArrayList<>();
		boolean workbook = !fileName.toLowerCase(Locale.ROOT).endsWith(".csv");
		for (String sheet : file.sheetNames()) {
			if (file.hidden(sheet)) {
				skipped.add(new FileLayout.Skipped(sheet, "隐藏的工作表"));
				continue;
			}
			List<SheetRow> top = new ArrayList<>();
			file.readRows(sheet, row -> {
				if (row.rowNo() > MAX_TITLE_ROWS + HeaderSearch.MAX_HEIGHT - 1) {
					return false;
				}
				top.add(row);
				return true;
			});
			List<MergedRange> merged = file.mergedRanges(sheet);
			int before = problems.size();
			Optional<SheetLayout> layout = sheet(sheet, workbook, top, merged, fileName, problems);
			if (layout.isPresent()) {
				found.add(layout.get());
			}
			else {
				skipped.add(new FileLayout.Skipped(sheet, problems.size() > before ? "表头有问题，见问题清单"
						: "前" + MAX_TITLE_ROWS + "行中没有表头"));
			}
		}
		if (problems.isEmpty() && found.isEmpty()) {
			problems.add(Problem.ofFile("no_header", "没有找到表头:文件各工作表的前" + MAX_TITLE_ROWS + "行中没有同时含“指标编码/指标名称/任务编号”"
					+ "和“数值/完成值”（或各区县名称、各报告期）的表头行。请使用填报模板，或按填报说明命名列"));
		}
		return new FileLayout(found, skipped);
	}

	private Optional<SheetLayout> sheet(String sheet, boolean workbook, List<SheetRow> top, List<MergedRange> merged,
			String fileName, List<Problem> problems) {
		HeaderCells cells = new HeaderCells(top, merged);
		Labels labels = new Labels(spellings, catalogue);
		String sheetName = workbook ? sheet : "";
		HeaderColumns columns = new HeaderColumns(cells, labels, first -> year(sheetName, TitleLines.text(cells, first), fileName),
				sheet);
		Optional<Header> header = new HeaderSearch(cells, labels, columns).find()
			.filter(h -> h.top() <= MAX_TITLE_ROWS);
		if (header.isEmpty()) {
			return Optional.empty();
		}
		if (!header.get().problems().isEmpty()) {
			problems.addAll(header.get().problems());
			return Optional.empty();
		}
		String title = TitleLines.text(cells, header.get().top());
		return Optional.of(new SheetLayout(sheet, header.get(), merged, title,
				TitleLines.unitLine(cells, header.get().bottom()), period(sheetName, title, fileName), district(sheetName)));
	}

	private static HeaderColumns.Year year(String sheet, String title, String fileName) {
		Optional<Integer> year = PeriodHeading.yearIn(sheet);
		if (year.isPresent()) {
			return new HeaderColumns.Year(year.get(), "工作表名");
		}
		year = PeriodHeading.yearIn(title);
		if (year.isPresent()) {
			return new HeaderColumns.Year(year.get(), "标题行");
		}
		return PeriodHeading.yearIn(fileName).map(y -> new HeaderColumns.Year(y, "文件名"))
			.orElse(new HeaderColumns.Year(null, null));
	}

	private Default<Period> period(String sheet, String title, String fileName) {
		if (fixedPeriod != null) {
			return new Default<>(Period.parse(fixedPeriod).orElse(null), "表头映射文件" + mappingName);
		}
		Optional<Period> fromSheet = Period.parse(sheet);
		if (fromSheet.isPresent()) {
			return new Default<>(fromSheet.get(), "工作表名");
		}
		Optional<Period> fromTitle = Period.find(title);
		if (fromTitle.isPresent()) {
			return new Default<>(fromTitle.get(), "标题行");
		}
		return Period.find(fileName).map(p -> new Default<>(p, "文件名")).orElse(null);
	}

	private Default<District> district(String sheet) {
		return sheet.isEmpty() ? null : catalogue.district(Text.key(sheet)).map(d -> new Default<>(d, "工作表名")).orElse(null);
	}

}
