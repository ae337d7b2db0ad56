package cn.zibo.livelihood.ingest.layout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.CatalogueSeed;
import cn.zibo.livelihood.ingest.Mappings;
import cn.zibo.livelihood.ingest.read.TabularFile;
import cn.zibo.livelihood.ingest.read.TabularFiles;
import cn.zibo.livelihood.validate.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a header block starts and ends, on files built to tempt it wrong: a title merged over part of
 * the table, form lines with dates, a first data row that looks like a sub-heading, a heading merged
 * over two columns of one field, and a value heading over two value columns.
 */
class LayoutsTests {

	static final Catalogue catalogue = CatalogueSeed.read(Path.of("seeds"), "000_ac670e75b15da742.txt");

	static final Spellings spellings = Mappings.load(Path.of("mappings"), catalogue).forDepartment("edu");

	@TempDir
	Path dir;

	private final List<Problem> problems = new ArrayList<>();

	@Test
	void aTitleMergedOverPartOfTheTableWithAUnitLineBesideItStaysATitleAndKeepsItsPeriod() throws Exception {
		FileLayout layout = detect("a.xlsx", new FormWorkbook().sheet("数据")
			.formLines(6, 2024)
			.title("淄博市教育局2024年第三季度民生重点任务进展填报表", 4)
			.line("", "单位：万个", 6)
			.header(new String[] { "任务编号", "指标编码", "指标名称", "区县", "完成值", "备注" })
			.row(3, "T003-03", "新增优质学位", "全市", 4.2)
			.bytes());

		SheetLayout sheet = layout.sheets().get(0);
		assertThat(sheet.header().top()).isEqualTo(5);
		assertThat(sheet.header().bottom()).isEqualTo(5);
		assertThat(sheet.period().value().code()).as("有效期至 2025年12月 is no period").isEqualTo("2024Q3");
		assertThat(sheet.unitLine().unit()).isEqualTo("万个");
	}

	@Test
	void aFirstDataRowHoldingOnlyADistrictAndPlaceholdersIsDataNotASubHeading() throws Exception {
		FileLayout layout = detect("b_2024Q3.csv", "区县,指标名称,数值,备注\n张店区,,—,\n淄川区,新改扩建公办幼儿园,5,\n");

		Header header = layout.sheets().get(0).header();
		assertThat(header.bottom()).isEqualTo(1);
		assertThat(header.fields()).containsEntry(Field.DISTRICT, 0).containsEntry(Field.VALUE, 2);
	}

	@Test
	void aHeadingMergedOverTwoColumnsIsOneColumnNotTwo() throws Exception {
		FileLayout layout = detect("c_2024Q3.xlsx", new FormWorkbook().sheet("数据")
			.header(new String[] { "指标编码", "数值", "备注", "<" })
			.row("T002-01", 5, "说明", "补充")
			.bytes());

		assertThat(problems).isEmpty();
		assertThat(layout.sheets().get(0).header().fields()).containsEntry(Field.REMARK, 2);
	}

	@Test
	void aValueHeadingOverTwoValueColumnsIsRefusedAsAFieldNamedTwice() throws Exception {
		FileLayout layout = detect("d_2024Q3.xlsx", new FormWorkbook().sheet("数据")
			.header(new String[] { "指标编码", "完成情况", "<" }, new String[] { "^", "本月", "累计" })
			.row("T002-01", 5, 80)
			.bytes());

		assertThat(layout.sheets()).isEmpty();
		assertThat(problems).extracting(Problem::code, Problem::rowNo, Problem::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("duplicate_header", 2, "完成情况/累计"));
	}

	@Test
	void aSheetNamedAfterADistrictOrAPeriodGivesItButACsvFileNamedSoDoesNot() throws Exception {
		FileLayout workbook = detect("e.xlsx", new FormWorkbook().sheet("张店区")
			.header(new String[] { "指标编码", "数值" })
			.row("T002-01", 5)
			.sheet("2024年9月")
			.header(new String[] { "指标编码", "数值" })
			.row("T002-01", 6)
			.bytes());
		FileLayout csv = detect("张店区.csv", "指标编码,数值\nT002-01,5\n");

		assertThat(workbook.sheets().get(0).district().value().code()).isEqualTo("370303");
		assertThat(workbook.sheets().get(1).period().value().code()).isEqualTo("2024-09");
		assertThat(csv.sheets().get(0).district()).isNull();
	}

	private FileLayout detect(String name, byte[] bytes) throws Exception {
		Path file = dir.resolve(name);
		Files.write(file, bytes);
		try (TabularFile tabular = TabularFiles.open(file)) {
			return new Layouts(spellings, catalogue, null, "default.yml").detect(tabular, name, problems);
		}
	}

	private FileLayout detect(String name, String csv) throws Exception {
		return detect(name, csv.getBytes(StandardCharsets.UTF_8));
	}

}
