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
 * {@code reconcile} as an operator runs it after the README walkthrough, when the second lead of
 * task 2 (市自然资源和规划局) reports a different count than 市教育局; then again with a preferred lead
 * given on the command line, as a Spring Boot property.
 */
class ReconcileFunctionalTests {

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void ownPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Test
	void reconcileListsTheCoLeadDisagreementAndARerunWithAPreferredLeadKeepsItAndConsolidatesToThatLead() throws Exception {
		JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE reconcile").update();
		JdbcClient sql = JdbcClient.create(postgres.getDatabase("postgres", "reconcile"));
		Path workDir = JarRunner.workDirWith("reconcile-", "seeds", "mappings");
		JarRunner jar = new JarRunner(workDir, "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "reconcile"),
				"--spring.datasource.username=postgres", "--etl.ingest.settle=0s");
		assertThat(jar.run("catalogue", "load").status()).isZero();
		Path edu = Files.createDirectories(workDir.resolve("inbox/市教育局"));
		Files.copy(Path.of("src/test/resources/examples/市教育局_2024年第三季度.csv"), edu.resolve("市教育局_2024年第三季度.csv"));
		Files.writeString(Files.createDirectories(workDir.resolve("inbox/市自然资源和规划局")).resolve("自然资源_2024Q3.csv"),
				"指标编码,区县,报告期,数值\nT002-01,全市,2024Q3,90\n", StandardCharsets.UTF_8);
		assertThat(jar.run("ingest", "--once").status()).isZero();

		JarRunner.Result first = jar.run("reconcile");
		JarRunner.Result preferring = jar.run("reconcile", "--etl.reconcile.preferred-lead.T002-01=nrp");

		assertThat(first.status()).as(first.err()).isZero();
		assertThat(first.out()).contains("Reconcile (核对) job execution", "COMPLETED",
				"Findings (问题): 1 open finding(s): 1 new, 0 still open; 0 closed",
				"co_lead_mismatch (牵头部门数值不一致) T002-01 新改扩建公办幼儿园, 淄博市, 2024Q3",
				"市教育局 填报 86处(报送#", "市自然资源和规划局 填报 90处(报送#", "汇总采用市教育局的数值");
		assertThat(preferring.status()).as(preferring.err()).isZero();
		assertThat(preferring.out()).as("the same finding, its details following the setting").contains(
				"1 open finding(s): 0 new, 1 still open; 0 closed",
				"汇总采用市自然资源和规划局的数值(由设置 etl.reconcile.preferred-lead 指定)");
		assertThat(sql.sql("SELECT trim_scale(value) || ' ' || department FROM reporting.indicator_value"
				+ " WHERE indicator_code = 'T002-01' AND district_code = '370300'").query(String.class).single())
			.isEqualTo("90 市自然资源和规划局");
	}

}
