package cn.zibo.livelihood.report.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import cn.zibo.livelihood.catalogue.Indicator;
import cn.zibo.livelihood.validate.Status;

/**
 * Excel data validation on the value column, so a clerk learns of a wrong value while typing it
 * rather than from a receipt: the four status words for {@code -00} rows, 0–100 for percentages, any
 * number for a change in percentage points (it may fall), and no negative number otherwise. These
 * are the ingest's own rules ({@code validate.FigureRules}); it checks every value again anyway.
 * One validation per kind and unit, over all its cells, so the prompt can name the unit.
 */
final class TemplateValidations {

	static final String[] STATUS_WORDS = java.util.Arrays.stream(Status.values()).map(Status::chinese).toArray(String[]::new);

	private TemplateValidations() {
	}

	/** A kind of value: how it is checked and what the clerk is told. */
	record Rule(String unit, boolean status) {

		static Rule of(Indicator indicator) {
			return new Rule(indicator.isStatus() ? "" : indicator.unit(), indicator.isStatus());
		}

		DataValidationConstraint constraint(XSSFDataValidationHelper helper) {
			if (status) {
				return helper.createExplicitListConstraint(STATUS_WORDS);
			}
			return switch (unit) {
				case "%" -> helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "100");
				case "百分点" -> helper.createDecimalConstraint(OperatorType.BETWEEN, "-100", "100");
				default -> helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
			};
		}

		String promptTitle() {
			return status ? "任务进展" : "单位：" + unit;
		}

		String prompt() {
			if (status) {
				return "请从下拉列表选择：" + String.join("、", STATUS_WORDS) + "。进展情况、存在问题请写在“备注”列。";
			}
			return switch (unit) {
				case "%" -> "请填写0至100之间的数，如65表示65%。未报送请留空，不要填0。";
				case "百分点" -> "请填写百分点数（可为负数）。未报送请留空。";
				default -> "请按“" + unit + "”填写不小于0的数字。未报送请留空，不要填0。";
			};
		}

		String error() {
			if (status) {
				return "只能填写" + String.join("、", STATUS_WORDS) + "之一。";
			}
			return switch (unit) {
				case "%" -> "请填写0至100之间的数字（百分比，如65），不要带文字。";
				case "百分点" -> "请填写-100至100之间的数字（百分点），不要带文字。";
				default -> "请填写不小于0的数字（单位：" + unit + "），不要带文字；未报送请留空。";
			};
		}

	}

	static void add(XSSFSheet sheet, List<Template.Row> rows, int firstRow) {
		Map<Rule, CellRangeAddressList> cells = new LinkedHashMap<>();
		Rule previous = null;
		CellRangeAddress run = null;
		for (int i = 0; i < rows.size(); i++) {
			Rule rule = Rule.of(rows.get(i).indicator());
			int r = firstRow + i;
			if (rule.equals(previous)) {
				// adjacent rows of one kind (an indicator's district rows) share one range
				run.setLastRow(r);
				continue;
			}
			run = new CellRangeAddress(r, r, TemplateSheet.VALUE, TemplateSheet.VALUE);
			cells.computeIfAbsent(rule, k -> new CellRangeAddressList()).addCellRangeAddress(run);
			previous = rule;
		}
		XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
		cells.forEach((rule, where) -> {
			DataValidation validation = helper.createValidation(rule.constraint(helper), where);
			validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
			validation.setEmptyCellAllowed(true);
			validation.createPromptBox(rule.promptTitle(), rule.prompt());
			validation.setShowPromptBox(true);
			validation.createErrorBox("数值无效", rule.error());
			validation.setShowErrorBox(true);
			// POI's XSSF flag is inverted against Excel's showDropDown attribute: true shows the arrow
			validation.setSuppressDropDownArrow(true);
			sheet.addValidationData(validation);
		});
	}

}
