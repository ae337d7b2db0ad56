package cn.zibo.livelihood.ops.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator pages reload themselves while something runs (a meta refresh: the Content-Security-
 * Policy allows no inline script), and a run's page only while a run of its own job instance does.
 */
@ServeIntegrationTest
class OperatorPageRefreshIntegrationTests {

	static final String JOB = "refreshProbeJob";

	static final String REFRESH = "<meta http-equiv=\"refresh\" content=\"10\">";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whileARunIsUnderWayTheListsRefreshAndSoDoesItsPageButNotAFinishedRunsPage() throws Exception {
		long finished = JobRepositoryRows.execution(jdbc, JobRepositoryRows.instance(jdbc, JOB), 0, "COMPLETED", 1);
		long running = JobRepositoryRows.execution(jdbc, JobRepositoryRows.instance(jdbc, JOB), 0, "STARTED", 1);
		try {
			WebClient.Session operator = new WebClient(port).login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);

			String runs = operator.get("/runs").body();
			String overview = operator.get("/").body();
			String submissions = operator.get("/submissions").body();
			String runningPage = operator.get("/runs/" + running).body();
			String finishedPage = operator.get("/runs/" + finished).body();

			assertThat(runs).contains(REFRESH, "本页每 10 秒自动刷新");
			assertThat(overview).contains(REFRESH);
			assertThat(submissions).contains(REFRESH);
			assertThat(runningPage).contains(REFRESH, "运行中");
			assertThat(finishedPage).doesNotContain(REFRESH);
		}
		finally {
			JobRepositoryRows.delete(jdbc, JOB);
		}
		String quiet = new WebClient(port).login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD).get("/runs?job=" + JOB).body();
		assertThat(quiet).as("nothing of it left running").doesNotContain("data-job=\"" + JOB + "\"");
	}

}
