package cn.zibo.livelihood.ingest.layout;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What statistics forms carry around their data, through the real ingest job: the form's lines above
 * the title (表号, 制表机关, 批准文号, 有效期至), a unit line (单位：万元), periods stored as Excel dates,
 * and notes below the data (填表人, 联系电话, 报出日期 as a date, 注). None of it is a figure or a
 * problem, and no date among it is the period (市人力资源社会保障局, 2004; every form, 2008).
 */
@PipelineIntegrationTest
class FormLinesIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void aUnitLineIsTheValuesUnitAndAPeriodStoredAsAnExcelDateIsItsMonth() throws Exception {
		fixture.drop("市人力资源社会保障局", "创业贷款.xlsx", Forms.datesAndUnitLine(2004, null));

		fixture.ingest();

		long id = fixture.submissionId("创业贷款.xlsx");
		assertThat(fixture.submission("创业贷款.xlsx")).as(fixture.messages(id).toString())
			.containsEntry("status", "loaded")
			.containsEntry("rows_total", 4)
			.containsEntry("rows_loaded", 4);
		assertThat(fixture.values(id)).containsExactly("T078-02 370300 2004-07 = 68000000", "T078-02 370300 2004-08 = 76000000",
				"T079-01 370300 2004-07 = 1850000000", "T079-01 370300 2004-08 = 1920000000");
		assertThat(Receipt.reading(Receipt.text(fixture, "市人力资源社会保障局", "创业贷款.xlsx", id))).contains(
				"读取的工作表：贷款（数据在第6–9行，第11行起为表尾注释，不作为数据）", "版式：按行", "表头：第5行，其上为标题行",
				"报告期：取自“报告期”列；该列未填的取自标题行（2004年度）", "单位：取自表格上方第4行的“单位：万元”");
	}

	@Test
	void aPeriodCellThatIsNoPeriodIsNamedByItsRowAndColumn() throws Exception {
		fixture.drop("市人力资源社会保障局", "创业贷款_有误.xlsx", Forms.datesAndUnitLine(2004, "八月"));

		fixture.ingest();

		long id = fixture.submissionId("创业贷款_有误.xlsx");
		assertThat(fixture.submission("创业贷款_有误.xlsx")).containsEntry("status", "rejected")
			.containsEntry("rows_total", 4)
			.containsEntry("rows_rejected", 4);
		assertThat(fixture.errors(id)).containsExactly("7 报告期 bad_period");
	}

	@Test
	void noHeaderTitleOrNoteRowOfAnyFormIsEverCountedAsAFigureOrAProblem() throws Exception {
		Map<String, byte[]> forms = new LinkedHashMap<>();
		forms.put("市应急局/各区县一列.xlsx", Forms.districtWide(2008, null));
		forms.put("市医保局/完成情况分列.xlsx", Forms.parentHeading(2008, null));
		forms.put("市城市管理局/各月一列.xlsx", Forms.periodWide(2008, null));
		forms.put("市住房城乡建设局/三行表头.xlsx", Forms.quarterDistricts(2008, null));
		forms.put("市文化和旅游局/分表.xlsx", Forms.sheetsPerDistrict(2008, null));
		forms.put("市人力资源社会保障局/日期和单位行.xlsx", Forms.datesAndUnitLine(2008, null));
		forms.forEach((path, bytes) -> fixture.drop(path.split("/")[0], path.split("/")[1], bytes));

		fixture.ingest();

		Map<String, String> counts = new LinkedHashMap<>();
		Map<String, String> rows = new LinkedHashMap<>();
		for (String path : forms.keySet()) {
			String name = path.split("/")[1];
			long id = fixture.submissionId(name);
			Map<String, Object> s = fixture.submission(name);
			counts.put(name, s.get("status") + " " + s.get("rows_total") + "/" + s.get("rows_loaded") + "/" + s.get("rows_rejected")
					+ " " + fixture.errors(id));
			rows.put(name, fixture.jdbc()
				.sql("SELECT string_agg(DISTINCT row_no::text, ',' ORDER BY row_no::text) FROM warehouse.fact WHERE submission_id = ?")
				.param(id)
				.query(String.class)
				.single());
		}
		assertThat(counts).containsExactly(Map.entry("各区县一列.xlsx", "loaded 14/14/0 []"),
				Map.entry("完成情况分列.xlsx", "loaded 6/6/0 []"), Map.entry("各月一列.xlsx", "loaded 27/27/0 []"),
				Map.entry("三行表头.xlsx", "loaded 18/18/0 []"), Map.entry("分表.xlsx", "loaded 9/9/0 []"),
				Map.entry("日期和单位行.xlsx", "loaded 4/4/0 []"));
		assertThat(rows).as("the rows figures came from: data rows only").containsExactly(Map.entry("各区县一列.xlsx", "7,8,9"),
				Map.entry("完成情况分列.xlsx", "10,5,6,7,8,9"), Map.entry("各月一列.xlsx", "6,7,8"), Map.entry("三行表头.xlsx", "5,6"),
				Map.entry("分表.xlsx", "3,4,5"), Map.entry("日期和单位行.xlsx", "6,7,8,9"));
	}

}
