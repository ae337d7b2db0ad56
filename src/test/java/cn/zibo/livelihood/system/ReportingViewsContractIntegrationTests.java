package cn.zibo.livelihood.system;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The reporting views of the migrated database against the columns docs/contract.md section 6 names. */
@PipelineIntegrationTest
class ReportingViewsContractIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyReportingViewHasEveryColumnTheContractNamesForIt() {
		List<ContractViews.View> views = ContractViews.read(ContractViews.CONTRACT);
		List<String> missing = new ArrayList<>();
		for (ContractViews.View view : views) {
			List<String> actual = jdbc.sql("""
					SELECT c.column_name FROM information_schema.columns c
					JOIN information_schema.views v ON v.table_schema = c.table_schema AND v.table_name = c.table_name
					WHERE c.table_schema = ? AND c.table_name = ? ORDER BY c.ordinal_position""")
				.params(view.schema(), view.table())
				.query(String.class)
				.list();
			String where = ContractViews.CONTRACT + ":" + view.line() + ": ";
			if (actual.isEmpty()) {
				missing.add(where + "no view " + view.name());
				continue;
			}
			for (String column : view.columns()) {
				if (!actual.contains(column)) {
					missing.add(where + view.name() + " has no column " + column + " (it has " + actual + ")");
				}
			}
		}

		assertThat(views).as("views read from the contract").hasSizeGreaterThanOrEqualTo(11);
		assertThat(missing).as("columns docs/contract.md section 6 names that the views lack").isEmpty();
	}

}
