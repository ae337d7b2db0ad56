package cn.zibo.livelihood.ops.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web side tried as an attacker would: receipts reached through planted links, missing security
 * headers, password guessing, numbers that make no sense and a forged {@code Host} header. Each test
 * shows that the attempt does no harm.
 */
@ServeIntegrationTest
class WebHardeningIntegrationTests {

	static final String CSV_HEADER = "指标编码,数值,报告期\n";

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
	void aLinkPlantedAtAReceiptsNameIsNotServed() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "hardening-link_2022Q1.csv", CSV_HEADER + "T002-01,11,2022Q1\n", StandardCharsets.UTF_8);
		fixture.ingest();
		long id = fixture.submissionId("hardening-link_2022Q1.csv");
		String receipt = "/api/submissions/" + id + "/receipt.txt";
		assertThat(web.get(receipt, WebClient.EDU, WebClient.EDU_PASSWORD).statusCode()).as("the genuine receipt").isEqualTo(200);
		// absolute, so that the link leads to it from anywhere
		Path secret = Files.writeString(Files.createTempFile(Path.of("target").toAbsolutePath(), "server-secret-", ".txt"),
				"SERVER SECRET");
		Path text = textReceipt(id);

		Files.delete(text);
		Files.createSymbolicLink(text, secret);
		assertThat(Files.readString(text)).as("the link leads to the secret").isEqualTo("SERVER SECRET");

		HttpResponse<String> asDepartment = web.get(receipt, WebClient.EDU, WebClient.EDU_PASSWORD);
		HttpResponse<String> asOperator = web.get(receipt, WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
		HttpResponse<String> onThePage = web.login(WebClient.EDU, WebClient.EDU_PASSWORD)
			.get("/submissions/" + id + "/receipt.txt");
		assertThat(List.of(asDepartment, asOperator, onThePage)).allSatisfy(response -> {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("SERVER SECRET");
		});
	}

	@Test
	void aProcessingFailureIsShownToOperatorsWithItsCauseAndNeverToTheDepartment() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "hardening-failure_2022Q3.csv", CSV_HEADER + "T002-01,31,2022Q3\n", StandardCharsets.UTF_8);
		fixture.ingest();
		long id = fixture.submissionId("hardening-failure_2022Q3.csv");
		fixture.jdbc()
			.sql("UPDATE warehouse.submission SET failure = 'java.lang.IllegalStateException: reader bug' WHERE submission_id = ?")
			.param(id)
			.update();

		String operatorPage = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD).get("/submissions/" + id).body();
		String departmentPage = new WebClient(port).login(WebClient.EDU, WebClient.EDU_PASSWORD).get("/submissions/" + id).body();

		assertThat(operatorPage).contains("处理故障", "详细信息", "java.lang.IllegalStateException: reader bug");
		assertThat(departmentPage).contains("hardening-failure_2022Q3.csv").doesNotContain("处理故障", "IllegalStateException");
	}

	@Test
	void anotherDepartmentsReceiptIsNotServedThroughALinkOrAHardLink() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "hardening-own_2022Q2.csv", CSV_HEADER + "T002-01,21,2022Q2\n", StandardCharsets.UTF_8);
		fixture.drop("市民政局", "hardening-other_2022Q2.csv", "其他部门的回执\n", StandardCharsets.UTF_8);
		fixture.ingest();
		long own = fixture.submissionId("hardening-own_2022Q2.csv");
		Path others = textReceipt(fixture.submissionId("hardening-other_2022Q2.csv")).toAbsolutePath();
		assertThat(Files.readString(others)).contains("hardening-other_2022Q2.csv");
		String receipt = "/api/submissions/" + own + "/receipt.txt";
		Path text = textReceipt(own);

		Files.delete(text);
		Files.createSymbolicLink(text, others);
		assertThat(Files.readString(text)).as("the link leads to the other receipt").contains("hardening-other_2022Q2.csv");
		HttpResponse<String> throughALink = web.get(receipt, WebClient.EDU, WebClient.EDU_PASSWORD);
		Files.delete(text);
		Files.createLink(text, others);
		HttpResponse<String> throughAHardLink = web.get(receipt, WebClient.EDU, WebClient.EDU_PASSWORD);

		assertThat(List.of(throughALink, throughAHardLink)).allSatisfy(response -> {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("hardening-other_2022Q2.csv");
		});
	}

	@Test
	void aReceiptRecordedByItsAbsolutePathIsServed() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "hardening-absolute_2022Q3.csv", CSV_HEADER + "T002-01,31,2022Q3\n", StandardCharsets.UTF_8);
		fixture.ingest();
		long id = fixture.submissionId("hardening-absolute_2022Q3.csv");
		Path workbook = Path.of(fixture.jdbc()
			.sql("SELECT receipt_path FROM warehouse.submission WHERE submission_id = ?")
			.param(id)
			.query(String.class)
			.single());

		fixture.jdbc()
			.sql("UPDATE warehouse.submission SET receipt_path = ? WHERE submission_id = ?")
			.params(workbook.toAbsolutePath().normalize().toString(), id)
			.update();

		HttpResponse<String> text = web.get("/api/submissions/" + id + "/receipt.txt", WebClient.EDU, WebClient.EDU_PASSWORD);
		assertThat(text.statusCode()).isEqualTo(200);
		assertThat(text.body()).contains("hardening-absolute_2022Q3.csv");
		assertThat(web.get("/api/submissions/" + id + "/receipt.xlsx", WebClient.EDU, WebClient.EDU_PASSWORD).statusCode())
			.isEqualTo(200);
	}

	@Test
	void everyPageCarriesAContentSecurityPolicyAndNoInlineStyleOrScript() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "hardening-csp_2022Q4.csv", CSV_HEADER + "T002-01,41,2022Q4\n", StandardCharsets.UTF_8);
		var run = fixture.ingest();
		long id = fixture.submissionId("hardening-csp_2022Q4.csv");
		WebClient.Session operator = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);

		List<HttpResponse<String>> pages = List.of(new WebClient(port).new Session().get("/login"), operator.get("/"),
				operator.get("/submissions"), operator.get("/submissions/" + id), operator.get("/runs"),
				operator.get("/runs/" + run.getId()), operator.get("/submissions/999999999"),
				web.asOperator("/api/submissions/" + id));
		HttpResponse<String> styles = web.get("/css/pipeline.css");

		assertThat(pages).allSatisfy(page -> {
			assertThat(page.statusCode()).isIn(200, 404);
			assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
					csp -> assertThat(csp).startsWith("default-src 'self';").doesNotContain("unsafe-inline"));
			assertThat(page.body()).doesNotContain(" style=", "<style", "<script", "javascript:");
		});
		assertThat(styles.statusCode()).as("the style sheet, before any login").isEqualTo(200);
		assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
		assertThat(styles.body()).contains("header { background: #17324d;", "main.login { max-width: 380px;");
		assertThat(pages.get(0).body()).contains("<link rel=\"stylesheet\" href=\"/css/pipeline.css\">");
	}

	@Test
	void theSessionCookieIsSameSiteLax() throws Exception {
		HttpResponse<String> login = new WebClient(port).new Session().get("/login");

		assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax", "HttpOnly"));
	}

	@Test
	void afterFiveFailedLoginsEvenTheRightPasswordIsRefusedForThatUserOnly() throws Exception {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			HttpResponse<String> guess = web.new Session().tryLogin(WebClient.GUESSED, "guess-" + i);
			assertThat(guess.headers().firstValue("Location")).hasValue("/login?error");
		}

		HttpResponse<String> rightPassword = web.new Session().tryLogin(WebClient.GUESSED, WebClient.GUESSED_PASSWORD);
		HttpResponse<String> otherCase = web.new Session().tryLogin(WebClient.GUESSED.toUpperCase(), WebClient.GUESSED_PASSWORD);
		HttpResponse<String> basic = web.get("/api/submissions", WebClient.GUESSED, WebClient.GUESSED_PASSWORD);

		assertThat(rightPassword.statusCode()).isEqualTo(302);
		assertThat(rightPassword.headers().firstValue("Location")).as("answered as a failed login").hasValue("/login?error");
		assertThat(otherCase.headers().firstValue("Location")).hasValue("/login?error");
		assertThat(basic.statusCode()).as("the API's HTTP Basic too").isEqualTo(401);
		assertThat(web.login(WebClient.EDU, WebClient.EDU_PASSWORD)).as("other users log in as before").isNotNull();
	}

	@Test
	void aNegativeOrGarbageNumberAnswers400WithProblemDetails() throws Exception {
		List<String> bad = List.of("/api/submissions/1/errors?limit=-1", "/api/submissions/1/errors?limit=abc",
				"/api/submissions/-1", "/api/submissions/0/errors", "/api/submissions/x", "/api/runs/-5",
				"/api/runs?page=-1", "/api/runs?size=0", "/api/submissions?size=-3", "/api/submissions?page=9999999999",
				"/api/submissions/-1/receipt.txt", "/api/progress/indicators?task=abc");

		for (String path : bad) {
			HttpResponse<String> response = web.asOperator(path);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
			assertThat(response.body()).as(path).contains("\"status\":400", "\"detail\":\"");
		}
		WebClient.Session operator = web.login(WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD);
		assertThat(operator.get("/submissions?page=-1").statusCode()).as("the page too").isEqualTo(400);
		assertThat(operator.get("/runs/-1").statusCode()).isEqualTo(400);
		assertThat(web.asOperator("/api/submissions/1/errors?limit=0").statusCode()).as("a limit of 0 is fine").isIn(200, 404);
	}

	@Test
	void redirectsNameAPathNeverTheForgedHostHeader() throws Exception {
		RawHttp raw = new RawHttp(port);
		String forged = "attacker.example";

		RawHttp.Response toLogin = raw.get("/runs", forged, null);
		String cookie = toLogin.sessionCookie().orElseThrow();
		RawHttp.Response form = raw.get("/login", forged, cookie);
		String token = csrf(form);
		RawHttp.Response loggedIn = raw.post("/login", forged, cookie, "username=" + WebClient.OPERATOR + "&password="
				+ WebClient.OPERATOR_PASSWORD + "&_csrf=" + WebClient.enc(token));
		RawHttp.Response otherForm = raw.get("/login", forged, null);
		RawHttp.Response wrongPassword = raw.post("/login", forged, otherForm.sessionCookie().orElseThrow(),
				"username=nobody&password=wrong&_csrf=" + WebClient.enc(csrf(otherForm)));

		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.header("Location")).hasValue("/login");
		assertThat(wrongPassword.header("Location")).hasValue("/login?error");
		assertThat(loggedIn.status()).isEqualTo(302);
		assertThat(loggedIn.header("Location")).as("back to the page asked for").hasValueSatisfying(l -> assertThat(l).startsWith("/runs"));
		assertThat(List.of(toLogin, loggedIn, wrongPassword)).allSatisfy(response -> {
			assertThat(response.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/").doesNotContain(forged));
			assertThat(String.join("\n", response.headers()) + response.body()).doesNotContain(forged);
		});
	}

	private static String csrf(RawHttp.Response form) {
		return form.body().replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
	}

	private Path textReceipt(long id) {
		String workbook = fixture.jdbc()
			.sql("SELECT receipt_path FROM warehouse.submission WHERE submission_id = ?")
			.param(id)
			.query(String.class)
			.single();
		return Path.of(workbook.replaceFirst("\\.xlsx$", ".txt"));
	}

}
