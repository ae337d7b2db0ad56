package cn.zibo.livelihood.ingest.layout;

import java.time.LocalDate;

/**
 * The statistics forms departments send, one per layout, for any year: the tests build them for
 * 2000–2009, {@link ExampleForms} for the README's examples. Each may carry one bad cell, to see it
 * rejected with its row and column as written; {@code null} keeps the form as it should be.
 */
final class Forms {

	static final String[] DISTRICTS = { "全市", "淄川区", "张店区", "博山区", "临淄区", "周村区", "桓台县", "高青县", "沂源县", "高新区",
			"经济开发区", "文昌湖区" };

	private Forms() {
	}

	/**
	 * 市应急局, 各区县一列: 序号, 指标编码, 指标名称 and 计量单位 merged down over two header rows,
	 * 各区县完成情况 merged across the twelve district columns, 备注 last. 14 figures; the bad cell is
	 * T112-01 of 张店区 (row 7, column 张店区).
	 */
	static byte[] districtWide(int year, String bad) {
		int width = 17;
		String[] top = new String[width];
		String[] sub = new String[width];
		String[] first = { "序号", "指标编码", "指标名称", "计量单位" };
		for (int col = 0; col < width; col++) {
			top[col] = col < 4 ? first[col] : col == 4 ? "各区县完成情况" : col < 16 ? "<" : "备注";
			sub[col] = col < 4 || col == 16 ? "^" : DISTRICTS[col - 4];
		}
		Object[] stations = { 112, "T112-01", "重点社区应急救援站", "个", 86, 9, bad == null ? 14 : bad, 7, 10, 8, 9, 6, 8, 6, 5, 4,
				"含在建3个" };
		Object[] area = new Object[width];
		Object[] start = { 112, "T112-02", "人均应急避难场所面积", "平方米", 2.31 };
		System.arraycopy(start, 0, area, 0, start.length);
		for (int col = 5; col < 16; col++) {
			area[col] = "—";
		}
		return new FormWorkbook().sheet("分区县")
			.formLines(width, year)
			.title("淄博市应急管理局" + year + "年第三季度民生重点任务分区县完成情况表", width)
			.line("填报单位（盖章）：淄博市应急管理局", null, width)
			.header(top, sub)
			.row(stations)
			.row(area)
			.row(112, "T112-00", "任务进展", null, "推进中", null, null, null, null, null, null, null, null, null, null, null,
					"应急救援站建设按计划推进")
			.blank()
			.notes(width, LocalDate.of(year, 10, 9))
			.bytes();
	}

	/**
	 * 市医保局, 按行: 完成情况 merged over 数值 and 单位, the other headings merged down. 6 figures; the
	 * bad cell is the unit of T045-01 (row 7, column 单位).
	 */
	static byte[] parentHeading(int year, String bad) {
		int width = 6;
		return new FormWorkbook().sheet("Sheet1")
			.title("淄博市医疗保障局" + year + "年第三季度民生重点任务进展情况表", width)
			.line("填报单位：淄博市医疗保障局", null, width)
			.header(new String[] { "任务编号", "指标编码", "指标名称", "完成情况", "<", "备注" },
					new String[] { "^", "^", "^", "数值", "单位", "^" })
			.row(43, "T043-01", "居民医保门诊统筹报销额度提高幅度", 52, "%")
			.row(43, "T043-02", "居民门诊慢特病报销比例", 66.5, "%")
			.row(45, "T045-01", "困难群体医疗费用救助比例", 78, bad == null ? "%" : bad)
			.row(46, "T046-01", "医保电子凭证激活率", 85.6, "%")
			.row(46, "T046-02", "医保服务事项“网上办、掌上办、电话办”占比", 92, "%")
			.row(46, "T046-00", "任务进展", "推进中", null, "医保电子凭证激活率较上季度提高3.2个百分点")
			.blank()
			.notes(width, LocalDate.of(year, 10, 8))
			.bytes();
	}

	/**
	 * 市城市管理局, 各期一列: 各月累计完成情况 merged over 1月 … 9月, the year only in the title. 27
	 * figures; the bad cell is T103-01 in 8月 (row 6, column 8月).
	 */
	static byte[] periodWide(int year, String bad) {
		int width = 13;
		String[] top = { "序号", "指标编码", "指标名称", "计量单位", "各月累计完成情况", "<", "<", "<", "<", "<", "<", "<", "<" };
		String[] sub = { "^", "^", "^", "^", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月" };
		return new FormWorkbook().sheet("按月")
			.formLines(width, year)
			.title("淄博市城市管理局" + year + "年1-9月民生重点任务完成情况（按月累计）", width)
			.header(top, sub)
			.row(103, "T103-01", "新建改造提升园林绿地", "公顷", 18, 39, 66, 102, 141, 180, 236, bad == null ? 288 : bad, 341)
			.row(103, "T103-02", "新建改造提升绿道廊道", "公里", 4.5, 9, 16, 27, 38, 49, 61, 72, 86)
			.row(103, "T103-03", "社区公园、口袋公园、拇指公园新建改造提升", "处", 5, 11, 19, 30, 42, 55, 63, 74, 88)
			.blank()
			.notes(width, LocalDate.of(year, 10, 10))
			.bytes();
	}

	/**
	 * 市住房城乡建设局, 各期一列 with district sub-columns under three header rows: the year over the
	 * quarters, each quarter over 全市, 张店区 and 淄川区. 18 figures; the bad cell is T106-03 in
	 * 二季度/张店区 (row 6, column 二季度/张店区).
	 */
	static byte[] quarterDistricts(int year, String bad) {
		int width = 12;
		String[] top = { "指标编码", "指标名称", "单位", year + "年", "<", "<", "<", "<", "<", "<", "<", "<" };
		String[] middle = { "^", "^", "^", "一季度", "<", "<", "二季度", "<", "<", "三季度", "<", "<" };
		String[] bottom = { "^", "^", "^", "全市", "张店区", "淄川区", "全市", "张店区", "淄川区", "全市", "张店区", "淄川区" };
		return new FormWorkbook().sheet("分季度")
			.title("淄博市住房和城乡建设局老旧小区改造分季度分区县完成情况", width)
			.header(top, middle, bottom)
			.row("T106-02", "改造老旧小区(户)", "户", 8200, 2100, 1500, 19500, 5200, 3400, 31800, 8600, 5700)
			.row("T106-03", "改造老旧小区(面积)", "万平方米", 75.2, 19.1, 13.8, 176.4, bad == null ? 47.3 : bad, 30.9, 288.5, 78,
					51.7)
			.blank()
			.notes(width, LocalDate.of(year, 10, 12))
			.bytes();
	}

	/**
	 * 市文化和旅游局, 分表: 填报说明 first, one sheet per district (全市, 张店区, 淄川区, 博山区), the
	 * district only in the sheet's name, and a hidden sheet of stale figures. 9 figures; the bad cell is
	 * T095-01 on sheet 淄川区 (row 4, column 完成值).
	 */
	static byte[] sheetsPerDistrict(int year, String bad) {
		int width = 6;
		FormWorkbook form = new FormWorkbook().sheet("填报说明")
			.text("1. 请按区县分表填写，全市合计填在“全市”表中。")
			.text("2. 完成值请填写自2022年1月1日起的累计数；消费券按当年累计发放金额填写。");
		Object[][] values = { { 352, 186, 2860000 }, { 96, 52, "—" }, { 61, bad == null ? 33 : bad, "—" }, { 45, 27, "—" } };
		String[] sheets = { "全市", "张店区", "淄川区", "博山区" };
		for (int i = 0; i < sheets.length; i++) {
			form.sheet(sheets[i])
				.title("淄博市文化和旅游局" + year + "年第三季度民生重点任务进展填报表（" + sheets[i] + "）", width)
				.header(new String[] { "任务编号", "指标编码", "指标名称", "完成值", "单位", "备注" })
				.row(94, "T094-01", "“城市书房+”新型公共阅读空间", values[i][0], "处")
				.row(95, "T095-01", "高品质公益性文艺演出", values[i][1], "场")
				.row(98, "T098-01", "发放文旅惠民消费券", values[i][2], "元")
				.blank()
				.notes(width, LocalDate.of(year, 10, 11));
		}
		return form.sheet("上季度（作废）")
			.hidden()
			.header(new String[] { "任务编号", "指标编码", "指标名称", "完成值", "单位", "备注" })
			.row(94, "T094-01", "“城市书房+”新型公共阅读空间", 999, "处")
			.bytes();
	}

	/**
	 * 市人力资源社会保障局, 按行 with statistics-form lines, a unit line (单位：万元) on the right, a
	 * 报告期 column of Excel dates shown as 2024年7月, and notes whose date of issue is a date too. 4
	 * figures; the bad cell is the second row's period (row 7, column 报告期).
	 */
	static byte[] datesAndUnitLine(int year, String bad) {
		int width = 5;
		return new FormWorkbook().sheet("贷款")
			.formLines(width, year)
			.title("淄博市人力资源和社会保障局创业担保贷款发放情况（" + year + "年7-8月）", width)
			.line("填报单位：淄博市人力资源和社会保障局", "单位：万元", width)
			.header(new String[] { "指标编码", "指标名称", "报告期", "完成值", "备注" })
			.row("T079-01", "发放创业担保贷款", LocalDate.of(year, 7, 31), 185000)
			.row("T078-02", "大学生创业担保贷款", bad == null ? LocalDate.of(year, 7, 31) : bad, 6800)
			.row("T079-01", "发放创业担保贷款", LocalDate.of(year, 8, 31), 192000)
			.row("T078-02", "大学生创业担保贷款", LocalDate.of(year, 8, 31), 7600, "含贴息贷款")
			.blank()
			.notes(width, LocalDate.of(year, 9, 5))
			.bytes();
	}

}
