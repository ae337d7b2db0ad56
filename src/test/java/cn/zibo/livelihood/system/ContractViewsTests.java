package cn.zibo.livelihood.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Section 6 of docs/contract.md read as written, prose and remarks left out. */
class ContractViewsTests {

	final List<ContractViews.View> views = ContractViews.read(ContractViews.CONTRACT);

	@Test
	void theContractNamesElevenReportingViewsInItsOrder() {
		assertThat(views).extracting(ContractViews.View::name)
			.containsExactly("reporting.task", "reporting.indicator", "reporting.department", "reporting.district",
					"reporting.indicator_value", "reporting.indicator_progress", "reporting.task_status",
					"reporting.discrepancy", "reporting.submission", "reporting.submission_error",
					"reporting.department_completeness");
	}

	@Test
	void columnsAreTheBareNamesOfTheListAndTheColumnTheProseNames() {
		assertThat(columns("reporting.indicator_value")).containsExactly("indicator_code", "task_no", "district_code",
				"district_name", "period", "period_end", "value", "unit", "department", "submission_id", "derived");
		assertThat(columns("reporting.task")).containsExactly("task_no", "campaign_no", "campaign_name", "section_no",
				"section_name", "task_text", "lead_departments");
		assertThat(columns("reporting.submission_error")).containsExactly("submission_id", "sheet", "row_no",
				"column_name", "value", "code", "message");
		assertThat(columns("reporting.department_completeness")).containsExactly("department", "period", "expected",
				"reported", "on_time", "last_submission_at");
	}

	private List<String> columns(String view) {
		return views.stream().filter(v -> v.name().equals(view)).findFirst().orElseThrow().columns();
	}

}
