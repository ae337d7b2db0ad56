package cn.zibo.livelihood.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.catalogue.Indicator;
import cn.zibo.livelihood.validate.Entry.Cell;

/**
 * Checks the entries of one submission against the catalogue, for the department whose folder it
 * came from. One instance per file: it remembers which figures the file already gave, so a figure
 * given twice is caught.
 */
public final class FigureRules {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	/**
	 * No figure of the city reaches 10^15 (its largest target is 2.1×10^9 元), and Excel shows at most
	 * 15 exact digits: a larger value is a typing or a formula error, and one beyond PostgreSQL's
	 * numeric range would otherwise fail the whole load instead of its own cell.
	 */
	private static final BigDecimal LARGEST = BigDecimal.TEN.pow(15);

	private static final int MAX_DECIMALS = 20;

	private final Catalogue catalogue;

	private final Department department;

	private final Period defaultPeriod;

	private final IndicatorLookup indicators;

	private final FigureKeys seen = new FigureKeys();

	private static final int ROW_BITS = 21;

	/** The sheets figures came from, numbered in order of appearance. */
	private final List<String> sheets = new ArrayList<>();

	private final Memo<Optional<District>> districts;

	private final Memo<Optional<Period>> periods = new Memo<>(Period::parse);

	/** @param defaultPeriod the period for entries without one (from the mapping, title or file name), or null */
	public FigureRules(Catalogue catalogue, Department department, Period defaultPeriod) {
		this.catalogue = catalogue;
		this.department = department;
		this.defaultPeriod = defaultPeriod;
		this.indicators = new IndicatorLookup(catalogue);
		this.districts = new Memo<>(text -> catalogue.district(Text.key(text)));
	}

	/**
	 * @return the figure, or empty when the entry reports nothing (a placeholder, or a row that is
	 * not data) or has problems, which are added to {@code problems}
	 */
	public Optional<Figure> check(Entry e, List<Problem> problems) {
		int before = problems.size();
		Messages say = new Messages(e, problems);
		if (!e.department().isBlank() && !catalogue.department(Text.fold(e.department().text()))
			.map(d -> d.code().equals(department.code()))
			.orElse(false)) {
			say.problem(e.department(), "wrong_department", "填报单位“" + e.department().text() + "”与报送文件夹的部门“"
					+ department.name() + "”不一致。请把文件放进本部门的文件夹，或改正填报单位");
		}
		Indicator indicator = indicators.find(e, say).orElse(null);
		if (indicator == null) {
			return Optional.empty();
		}
		if (!catalogue.leadsOf(indicator.taskNo()).contains(department.code())) {
			say.problem(e.indicatorCode().isBlank() ? e.indicatorName() : e.indicatorCode(), "not_lead",
					"指标" + indicator.code() + "属于任务" + indicator.taskNo() + "，该任务的牵头部门是"
							+ String.join("、", leadNames(indicator.taskNo())) + "，不含本部门（" + department.name()
							+ "）。请删除该行，或由牵头部门报送");
		}
		String district = district(e, say);
		Period period = period(e, say);
		Optional<Figure> figure = indicator.isStatus() ? status(e, indicator, district, period, say)
				: number(e, indicator, district, period, say);
		if (figure.isEmpty() || problems.size() > before) {
			return Optional.empty();
		}
		Integer first = seen.putIfAbsent(figure.get(), where(e.sheet(), e.rowNo()));
		if (first != null) {
			String sheet = sheets.size() == 1 ? sheets.get(0) : sheets.get(first >>> ROW_BITS);
			int row = sheets.size() == 1 ? first : first & ((1 << ROW_BITS) - 1);
			say.problem(e.value(), "duplicate_figure", "与" + (sheet.equals(e.sheet()) ? "" : "工作表“" + sheet + "”") + "第" + row
					+ "行重复：同一指标（" + indicator.code() + "）、区县、报告期在文件中出现了两次。请只保留一行");
			return Optional.empty();
		}
		return figure;
	}

	private String district(Entry e, Messages say) {
		if (e.district().isBlank()) {
			return District.CITY_CODE;
		}
		Optional<District> found = districts.get(e.district().text());
		if (found.isPresent()) {
			return found.get().code();
		}
		say.problem(e.district(), "unknown_district", "区县“" + e.district().text() + "”无法识别。请填写区县名称或代码（如张店区、370303），全市可留空");
		return null;
	}

	private Period period(Entry e, Messages say) {
		if (e.period().isBlank()) {
			if (defaultPeriod == null) {
				say.problem(Cell.NONE, "no_period", "没有报告期：文件没有“报告期”列，标题行和文件名中也没有报告期。"
						+ "请增加“报告期”列，或在标题中写明（如2024年第三季度）");
			}
			return defaultPeriod;
		}
		Optional<Period> period = periods.get(e.period().text());
		if (period.isEmpty()) {
			say.problem(e.period(), "bad_period", "报告期“" + e.period().text() + "”无法识别。请写成2024Q3、2024年第三季度、2024-07、2024H1或2024年等形式");
		}
		return period.orElse(null);
	}

	private Optional<Figure> status(Entry e, Indicator indicator, String district, Period period, Messages say) {
		if (e.value().isBlank()) {
			return Optional.empty();
		}
		Optional<Status> status = Status.parse(e.value().text());
		if (status.isEmpty()) {
			say.problem(e.value(), "bad_status", "值“" + e.value().text() + "”不是任务进展状态。请填写未启动、推进中、已完成、滞后之一，进展情况写在备注中");
			return Optional.empty();
		}
		return Optional.of(new Figure(e.sheet(), e.rowNo(), e.value().header(), indicator.code(), indicator.taskNo(), district,
				period, null, status.get(), blankToNull(e.remark().text()), e.value().text(), null));
	}

	private Optional<Figure> number(Entry e, Indicator indicator, String district, Period period, Messages say) {
		NumberText.Reading reading = NumberText.read(e.value().text());
		if (reading instanceof NumberText.NotReported) {
			return Optional.empty();
		}
		if (!(reading instanceof NumberText.Number n)) {
			say.problem(e.value(), "not_a_number", "值“" + e.value().text() + "”不是数字。请填写阿拉伯数字（可带万、亿或单位），不要写“约”“左右”等文字");
			return Optional.empty();
		}
		// The unit column wins, and a unit written with the number must agree with it; without a unit
		// column, a unit written with the number beats the column header's, which is only a default.
		String word = n.unitWord();
		String reportedUnit = !e.unit().isBlank() ? Text.key(e.unit().text()) : word != null ? word : e.valueUnit();
		BigDecimal value = n.value();
		Optional<BigDecimal> factor = Unit.factor(reportedUnit, indicator.unit());
		boolean wordAgrees = word == null
				|| Unit.factor(word, reportedUnit).filter(f -> f.compareTo(BigDecimal.ONE) == 0).isPresent();
		boolean percentAgrees = !n.percent() || "%".equals(indicator.unit());
		if (factor.isEmpty() || !wordAgrees || !percentAgrees || n.scaled() && factor.get().compareTo(BigDecimal.ONE) != 0) {
			String written = n.percent() ? "%" : reportedUnit;
			say.problem(e.unit().isBlank() ? e.value() : e.unit(), "unit_mismatch", "单位“" + written + "”无法换算为指标"
					+ indicator.code() + "（" + indicator.name() + "）的单位“" + indicator.unit() + "”。请按“" + indicator.unit()
					+ "”填写，或使用其换算单位（如万" + indicator.unit() + "）");
			return Optional.empty();
		}
		value = value.multiply(factor.get()).stripTrailingZeros();
		if (value.abs().compareTo(LARGEST) >= 0 || value.scale() > MAX_DECIMALS) {
			say.problem(e.value(), "too_large", "值“" + e.value().text() + "”" + (value.scale() > MAX_DECIMALS
					? "的小数位数过多，最多" + MAX_DECIMALS + "位小数" : "超出可存储的范围，数值须小于1,000万亿（15位整数）")
					+ "。请核对后填写本指标的实际数值");
			return Optional.empty();
		}
		if ("%".equals(indicator.unit()) && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
			say.problem(e.value(), "percent_range", "值“" + e.value().text() + "”超出0–100%的范围。百分比请填写0至100之间的数（如65或65%）");
			return Optional.empty();
		}
		if (value.signum() < 0 && !"百分点".equals(indicator.unit())) {
			say.problem(e.value(), "negative", "值“" + e.value().text() + "”为负数，指标" + indicator.code() + "（" + indicator.name() + "）不能为负");
			return Optional.empty();
		}
		return Optional.of(new Figure(e.sheet(), e.rowNo(), e.value().header(), indicator.code(), indicator.taskNo(), district,
				period, value, null, blankToNull(e.remark().text()), e.value().text(), blankToNull(reportedUnit)));
	}

	/**
	 * A sheet and row in one int: the row alone while there is one sheet (a CSV file's lines may be
	 * many millions), else the sheet's number above the row (a workbook has at most 2^20 rows).
	 */
	private int where(String sheet, int rowNo) {
		int index = sheets.indexOf(sheet);
		if (index < 0 && sheets.size() < 1 << (31 - ROW_BITS)) {
			sheets.add(sheet);
			index = sheets.size() - 1;
		}
		return index <= 0 ? rowNo : index << ROW_BITS | rowNo & ((1 << ROW_BITS) - 1);
	}

	private List<String> leadNames(int taskNo) {
		return catalogue.leadsOf(taskNo)
			.stream()
			.map(code -> catalogue.departments().stream().filter(d -> d.code().equals(code)).findFirst().map(Department::name).orElse(code))
			.toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
