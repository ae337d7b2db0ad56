package cn.zibo.livelihood.ops.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API as another tool sees it: HTTP Basic, runs and submissions with their counts, and the
 * limits of a department user.
 */
@ServeIntegrationTest
class ApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	WebClient web;

	@BeforeEach
	void server() {
		web = new WebClient(port);
	}

	@Test
	void withoutLoginOnlyHealthAnswers() throws Exception {
		assertThat(web.get("/api/runs").statusCode()).isEqualTo(401);
		assertThat(web.get("/api/submissions").statusCode()).isEqualTo(401);
		assertThat(web.get("/api/submissions/1/receipt.txt").statusCode()).isEqualTo(401);
		assertThat(web.get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(web.get("/api/runs", WebClient.OPERATOR, "wrong password").statusCode()).isEqualTo(401);
		HttpResponse<String> page = web.get("/runs");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		HttpResponse<String> health = web.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
	}

	@Test
	void runsShowEachExecutionWithItsStepsAndCounts() throws Exception {
		fixture.reset();
		fixture.ingest(); // nothing left waiting from elsewhere, so the counts below are this file's
		fixture.drop("市教育局", "api-runs_2023Q1.csv", "指标编码,数值,报告期\nT002-01,11,2023Q1\nT002-02,12,2023Q1\n",
				StandardCharsets.UTF_8);
		JobExecution execution = fixture.ingest();
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

		JsonNode page = web.json("/api/runs?size=5&job=ingestJob");
		JsonNode detail = web.json("/api/runs/" + execution.getId());

		assertThat(page.get("total").asLong()).isPositive();
		assertThat(page.get("items").get(0).get("jobExecutionId").asLong()).isEqualTo(execution.getId());
		JsonNode run = detail.get("run");
		assertThat(run.get("jobName").asString()).isEqualTo("ingestJob");
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.get("restartable").asBoolean()).isFalse();
		assertThat(run.get("durationSeconds").asDouble()).isPositive();
		List<String> steps = new ArrayList<>();
		detail.get("steps").forEach(s -> steps.add(s.get("stepName").asString() + " read " + s.get("readCount").asLong()
				+ " write " + s.get("writeCount").asLong() + " " + s.get("status").asString()));
		assertThat(steps).hasSize(4)
			.startsWith("inboxClaimStep read 0 write 1 COMPLETED", "submissionLoadStep read 2 write 2 COMPLETED",
					"receiptWriteStep read 0 write 1 COMPLETED");
		// it loaded figures, so it reconciled (findings opened: whatever the shared database holds)
		assertThat(steps.get(3)).startsWith("reconcileStep read 0 write ").endsWith(" COMPLETED");
		assertThat(web.asOperator("/api/runs/999999999").statusCode()).isEqualTo(404);
	}

	@Test
	void submissionsShowStatusCountsErrorsAndTheirReceipt() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "api-bad_2023Q1.csv", "指标编码,数值,报告期\nT002-01,约一百,2023Q1\nT002-02,12,2023Q1\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		long id = fixture.submissionId("api-bad_2023Q1.csv");

		JsonNode submission = web.json("/api/submissions/" + id);
		JsonNode errors = web.json("/api/submissions/" + id + "/errors");
		JsonNode list = web.json("/api/submissions?status=rejected&department=edu");
		HttpResponse<String> receipt = web.asOperator("/api/submissions/" + id + "/receipt.txt");

		assertThat(submission.get("department").asString()).isEqualTo("市教育局");
		assertThat(submission.get("status").asString()).isEqualTo("rejected");
		assertThat(submission.get("rowsTotal").asInt()).isEqualTo(2);
		assertThat(submission.get("rowsLoaded").asInt()).isZero();
		assertThat(submission.get("rowsRejected").asInt()).isEqualTo(2);
		assertThat(submission.get("errors").asInt()).isEqualTo(1);
		assertThat(submission.get("receiptTxt").asString()).isEqualTo("/api/submissions/" + id + "/receipt.txt");
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.get("rowNo").asInt()).isEqualTo(2);
			assertThat(e.get("columnName").asString()).isEqualTo("数值");
			assertThat(e.get("value").asString()).isEqualTo("约一百");
			assertThat(e.get("code").asString()).isEqualTo("not_a_number");
		});
		assertThat(list.get("items").get(0).get("submissionId").asLong()).isEqualTo(id);
		assertThat(receipt.statusCode()).isEqualTo(200);
		assertThat(receipt.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(receipt.body()).contains("api-bad_2023Q1.csv", "约一百");
	}

	@Test
	void aDepartmentUserSeesItsOwnSubmissionsAndNoOneElses() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "api-edu_2023Q2.csv", "指标编码,数值,报告期\nT002-01,21,2023Q2\n", StandardCharsets.UTF_8);
		fixture.ingest();
		long edu = fixture.submissionId("api-edu_2023Q2.csv");
		String own = "/api/submissions/" + edu;

		assertThat(web.json(own, WebClient.EDU, WebClient.EDU_PASSWORD).get("departmentCode").asString()).isEqualTo("edu");
		assertThat(web.get(own + "/receipt.txt", WebClient.EDU, WebClient.EDU_PASSWORD).statusCode()).isEqualTo(200);
		assertThat(web.get(own, WebClient.CIVIL, WebClient.CIVIL_PASSWORD).statusCode()).isEqualTo(404);
		assertThat(web.get(own + "/errors", WebClient.CIVIL, WebClient.CIVIL_PASSWORD).statusCode()).isEqualTo(404);
		assertThat(web.get(own + "/receipt.xlsx", WebClient.CIVIL, WebClient.CIVIL_PASSWORD).statusCode()).isEqualTo(404);
		JsonNode civilList = web.json("/api/submissions?department=edu&size=500", WebClient.CIVIL, WebClient.CIVIL_PASSWORD);
		civilList.get("items").forEach(s -> assertThat(s.get("departmentCode").asString()).isEqualTo("civil"));
		assertThat(web.get("/api/runs", WebClient.CIVIL, WebClient.CIVIL_PASSWORD).statusCode()).isEqualTo(403);
		assertThat(web.get("/actuator/prometheus", WebClient.CIVIL, WebClient.CIVIL_PASSWORD).statusCode()).isEqualTo(403);
	}

	@Test
	void progressCountsFiguresPerDepartmentAndADepartmentUserGetsItsOwn() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "api-progress_2023Q3.csv", "指标编码,数值,报告期\nT002-01,31,2023Q3\nT002-02,32,2023Q3\n",
				StandardCharsets.UTF_8);
		fixture.ingest();

		JsonNode progress = web.json("/api/progress");
		JsonNode own = web.json("/api/progress", WebClient.EDU, WebClient.EDU_PASSWORD);

		JsonNode edu = null;
		for (JsonNode d : progress.get("departments")) {
			if (d.get("departmentCode").asString().equals("edu")) {
				edu = d;
			}
		}
		assertThat(edu).isNotNull();
		assertThat(edu.get("figuresCurrent").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(edu.get("department").asString()).isEqualTo("市教育局");
		assertThat(progress.get("figuresByPeriod").toString()).contains("2023Q3");
		assertThat(own.get("departments")).singleElement()
			.satisfies(d -> assertThat(d.get("departmentCode").asString()).isEqualTo("edu"));
		// progress against targets and completeness: OverviewIntegrationTests
	}

	@Test
	void healthShowsTheDatabaseAndTheSchedulerToAnOperator() throws Exception {
		JsonNode health = web.json("/actuator/health");

		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("quartz").get("details").get("clustered").asBoolean()).isTrue();
	}

}
