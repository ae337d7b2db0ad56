package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation as an operator meets it after the README walkthrough, when the second lead of task 2
 * (市自然资源和规划局) reports a different count than 市教育局: ingest alone opens and closes the finding,
 * {@code reconcile} lists it and follows a preferred lead given on the command line, and a
 * reconciliation that fails after an ingest loses nothing.
 */
class ReconcileFunctionalTests {

	private static final String DISAGREEING = "指标编码,区县,报告期,数值\nT002-01,全市,2024Q3,90\n";

	private static EmbeddedPostgres postgres;

	private JdbcClient sql;

	@BeforeAll
	static void ownPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Test
	void ingestAloneOpensACoLeadMismatchAndTheCorrectionsOwnIngestClosesIt() throws Exception {
		JarRunner jar = walkthroughWithSecondLead("ingest_reconciles");

		JarRunner.Result ingest = jar.run("ingest", "--once");

		assertThat(ingest.status()).as(ingest.err()).isZero();
		assertThat(ingest.out()).contains("已核对：待核实的差异1个（新发现1个，仍未解决0个），已解决0个");
		assertThat(findings()).containsExactly("co_lead_mismatch T002-01 370300 2024Q3 open");

		Files.writeString(jar.workDir().resolve("inbox/市自然资源和规划局/自然资源_2024Q3(更正).csv"),
				"指标编码,区县,报告期,数值\nT002-01,全市,2024Q3,86\n", StandardCharsets.UTF_8);
		JarRunner.Result correction = jar.run("ingest", "--once");

		assertThat(correction.status()).as(correction.err()).isZero();
		assertThat(correction.out()).contains("已核对：待核实的差异0个（新发现0个，仍未解决0个），已解决1个");
		assertThat(findings()).containsExactly("co_lead_mismatch T002-01 370300 2024Q3 closed");
	}

	@Test
	void reconcileListsTheCoLeadDisagreementAndARerunWithAPreferredLeadKeepsItAndConsolidatesToThatLead() throws Exception {
		JarRunner jar = walkthroughWithSecondLead("reconcile");
		assertThat(jar.run("ingest", "--once").status()).isZero();

		JarRunner.Result first = jar.run("reconcile");
		JarRunner.Result preferring = jar.run("reconcile", "--etl.reconcile.preferred-lead.T002-01=nrp");

		assertThat(first.status()).as(first.err()).isZero();
		assertThat(first.out()).as("opened by the ingest already").contains("数据核对（第", "次运行）：已完成",
				"核对结果：待核实的差异1个（新发现0个，仍未解决1个），已解决0个", "牵头部门数值不一致", "T002-01 新改扩建公办幼儿园", "全市",
				"2024年第三季度",
				"市教育局 填报 86处（报送#", "市自然资源和规划局 填报 90处（报送#", "汇总采用市教育局的数值");
		assertThat(preferring.status()).as(preferring.err()).isZero();
		assertThat(preferring.out()).as("the same finding, its details following the setting").contains(
				"待核实的差异1个（新发现0个，仍未解决1个），已解决0个",
				"汇总采用市自然资源和规划局的数值（由设置 etl.reconcile.preferred-lead 指定）");
		assertThat(sql.sql("SELECT trim_scale(value) || ' ' || department FROM reporting.indicator_value"
				+ " WHERE indicator_code = 'T002-01' AND district_code = '370300'").query(String.class).single())
			.isEqualTo("90 市自然资源和规划局");
	}

	@Test
	void aReconciliationFailingAfterAnIngestLosesNoFigureOrReceiptAndTheNextIngestReconciles() throws Exception {
		JarRunner jar = walkthroughWithSecondLead("reconcile_fails");

		// 市卫生健康委 does not lead task 2: the setting is refused when reconciliation applies it
		JarRunner.Result failed = jar.run("ingest", "--once", "--etl.reconcile.preferred-lead.T002-01=市卫生健康委");

		assertThat(failed.status()).as("the run failed").isEqualTo(1);
		assertThat(failed.out()).contains("失败", "市卫生健康委 does not lead task 2");
		assertThat(sql.sql("SELECT status || ' ' || (receipt_written_at IS NOT NULL) FROM warehouse.submission")
			.query(String.class)
			.list()).containsExactly("loaded true", "loaded true");
		assertThat(sql.sql("SELECT count(*) FROM reporting.indicator_value WHERE period = '2024Q3'").query(Long.class).single())
			.as("the figures are there").isEqualTo(5);
		assertThat(findings()).as("not reconciled").isEmpty();

		JarRunner.Result next = jar.run("ingest", "--once");

		assertThat(next.status()).as(next.out() + next.err()).isZero();
		assertThat(next.out()).as("the failed run restarted from its reconcile step")
			.contains("已核对：待核实的差异1个（新发现1个");
		assertThat(findings()).containsExactly("co_lead_mismatch T002-01 370300 2024Q3 open");
		assertThat(sql.sql("SELECT count(*) FROM warehouse.submission").query(Long.class).single()).isEqualTo(2);
	}

	/** The README example and the second lead's different count in the inbox, the catalogue loaded. */
	private JarRunner walkthroughWithSecondLead(String database) throws Exception {
		JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + database).update();
		sql = JdbcClient.create(postgres.getDatabase("postgres", database));
		Path workDir = JarRunner.workDirWith(database + "-", "seeds", "mappings");
		JarRunner jar = new JarRunner(workDir, "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres", "--etl.ingest.settle=0s");
		assertThat(jar.run("catalogue", "load").status()).isZero();
		Path edu = Files.createDirectories(workDir.resolve("inbox/市教育局"));
		Files.copy(Path.of("src/test/resources/examples/市教育局_2024年第三季度.csv"), edu.resolve("市教育局_2024年第三季度.csv"));
		Files.writeString(Files.createDirectories(workDir.resolve("inbox/市自然资源和规划局")).resolve("自然资源_2024Q3.csv"),
				DISAGREEING, StandardCharsets.UTF_8);
		return jar;
	}

	private java.util.List<String> findings() {
		return sql.sql("""
				SELECT concat_ws(' ', kind, indicator_code, district_code, period, status) FROM reporting.discrepancy
				ORDER BY discrepancy_id""").query(String.class).list();
	}

}
