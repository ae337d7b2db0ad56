package cn.zibo.livelihood.ingest.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.report.receipt.Prechecks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each example workbook of the README pre-checks (预检) clean and is read as the layout it shows;
 * a pre-check loads nothing, so the examples' 2024 figures stay out of the shared warehouse here
 * (WorkbookIngestIntegrationTests loads every example).
 */
@PipelineIntegrationTest
class ExampleFormsIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	Prechecks prechecks;

	@Autowired
	CurrentCatalogue catalogue;

	@TempDir
	Path receipts;

	@Test
	void everyExampleWorkbookPrechecksCleanAsTheLayoutItShows() throws Exception {
		fixture.reset();
		for (Map.Entry<String, String> example : ExampleForms.layouts().entrySet()) {
			Path file = Files.copy(ExampleForms.FOLDER.resolve(example.getKey()), receipts.resolve(example.getKey()));
			Department department = catalogue.get().catalogue().department(example.getKey().split("_")[0]).orElseThrow();

			Prechecks.Checked checked = prechecks.check(file, department, receipts);

			assertThat(checked.result().problems()).as(example.getKey()).isEmpty();
			assertThat(checked.result().figures()).as(example.getKey()).isPositive().isEqualTo(checked.valid());
			assertThat(checked.result().reading()).as(example.getKey()).contains(example.getValue());
		}
	}

}
