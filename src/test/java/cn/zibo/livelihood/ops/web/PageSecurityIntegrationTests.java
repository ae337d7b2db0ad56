package cn.zibo.livelihood.ops.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.catalogue.CatalogueLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's login, roles and CSRF protection, through plain HTTP with a session cookie. */
@ServeIntegrationTest
class PageSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CatalogueLoader catalogue;

	/** The overview lists the catalogue's departments, whichever test ran first. */
	@BeforeEach
	void loadedCatalogue() {
		catalogue.load(Path.of("seeds"));
	}

	@Test
	void actionsWithoutTheFormsCsrfTokenAreRefused() throws Exception {
		WebClient.Session operator = new WebClient(port).login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);

		HttpResponse<String> forged = operator.post("/runs/999999999/restart", "");
		HttpResponse<String> forgedIngest = operator.post("/actions/ingest", "");
		HttpResponse<String> genuine = operator.post("/runs/999999999/restart", "_csrf=" + WebClient.enc(operator.csrf("/runs")));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forgedIngest.statusCode()).isEqualTo(403);
		assertThat(genuine.statusCode()).isEqualTo(302);
		assertThat(operator.get(genuine.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).statusCode())
			.as("the redirect names a run that does not exist").isEqualTo(404);
	}

	@Test
	void aDepartmentUserSeesTheOverviewAndItsSubmissionsButNotTheJobRuns() throws Exception {
		WebClient.Session clerk = new WebClient(port).login(WebClient.EDU, WebClient.EDU_PASSWORD);

		HttpResponse<String> overview = clerk.get("/");
		HttpResponse<String> submissions = clerk.get("/submissions");

		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("进展概览", "市教育局").doesNotContain("作业运行");
		assertThat(submissions.statusCode()).isEqualTo(200);
		assertThat(clerk.get("/runs").statusCode()).isEqualTo(403);
		assertThat(clerk.post("/actions/ingest", "_csrf=" + WebClient.enc(clerk.csrf("/submissions"))).statusCode())
			.isEqualTo(403);
	}

	@Test
	void errorPagesAnswerInChineseWithTheMenuOfTheOneLooking() throws Exception {
		WebClient.Session clerk = new WebClient(port).login(WebClient.EDU, WebClient.EDU_PASSWORD);
		WebClient.Session operator = new WebClient(port).login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);

		HttpResponse<String> forbidden = clerk.page("/runs");
		HttpResponse<String> missing = operator.page("/submissions/999999999");
		HttpResponse<String> bad = operator.page("/runs/-1");

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("lang=\"zh-CN\"", "无权访问", "href=\"/department\"", "本部门主页", "返回本部门主页")
			.doesNotContain("Forbidden", "作业运行");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("lang=\"zh-CN\"", "<title>页面不存在 · 民生113项</title>", "作业运行", "报送记录", "返回概览")
			.doesNotContain("Not Found", "No submission");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("请求有误", "作业运行");
	}

	@Test
	void aWrongPasswordLeadsBackToTheLoginForm() throws Exception {
		WebClient.Session stranger = new WebClient(port).new Session();
		String token = stranger.csrf("/login");

		HttpResponse<String> response = stranger.post("/login",
				"username=" + WebClient.OPERATOR + "&password=guess&_csrf=" + WebClient.enc(token));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

}
