package cn.zibo.livelihood.ops.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.ops.web.WebClient.Part;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and pre-checks through the API, as a department's own system sends them (HTTP Basic) and as
 * the department page does (the session and its CSRF token): where the files land, what becomes of
 * them, and what is refused before anything is written.
 */
@ServeIntegrationTest
class UploadApiIntegrationTests {

	static final String CSV = "指标编码,数值,报告期\n";

	private static final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	WebClient web;

	@BeforeEach
	void server() {
		web = new WebClient(port);
		fixture.reset();
	}

	@Test
	void uploadsLandInTheDepartmentsFolderAsNewFilesAndBecomeSubmissionsWithTheirReceipt() throws Exception {
		fixture.drop("市教育局", "上传_2081Q1.csv", "a file the clerk dropped earlier", StandardCharsets.UTF_8);

		HttpResponse<String> response = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.file("C:\\fakepath\\上传_2081Q1.csv", CSV + "T002-01,11,2081Q1\nT002-02,12,2081Q1\n"),
				Part.file("另一个_2081Q2.csv", CSV + "T002-02,13,2081Q2\n"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode sent = json.readTree(response.body());
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0).get("name").asString()).as("the dropped file keeps its name").isEqualTo("上传_2081Q1(2).csv");
		assertThat(sent.get(1).get("name").asString()).isEqualTo("另一个_2081Q2.csv");
		assertThat(sent).allSatisfy(file -> {
			assertThat(file.get("department").asString()).isEqualTo("edu");
			assertThat(file.get("status").asString()).isEqualTo("waiting");
			assertThat(file.get("statusName").asString()).isEqualTo("等待接收");
		});
		assertThat(fixture.inbox().resolve("市教育局/上传_2081Q1.csv")).hasContent("a file the clerk dropped earlier");
		assertThat(fixture.inbox().resolve("市教育局/上传_2081Q1(2).csv")).hasContent(CSV + "T002-01,11,2081Q1\nT002-02,12,2081Q1\n");
		String statusUrl = sent.get(0).get("statusUrl").asString();
		assertThat(web.json(statusUrl, WebClient.EDU, WebClient.EDU_PASSWORD).get("status").asString()).isEqualTo("waiting");

		fixture.ingest();

		JsonNode status = web.json(statusUrl, WebClient.EDU, WebClient.EDU_PASSWORD);
		long id = fixture.submissionId("上传_2081Q1(2).csv");
		assertThat(status.get("status").asString()).isEqualTo("loaded");
		assertThat(status.get("statusName").asString()).isEqualTo("已入库");
		assertThat(status.get("done").asBoolean()).isTrue();
		assertThat(status.get("submissionId").asLong()).isEqualTo(id);
		assertThat(status.get("rowsLoaded").asInt()).isEqualTo(2);
		assertThat(status.get("receiptXlsx").asString()).isEqualTo("/api/submissions/" + id + "/receipt.xlsx");
		assertThat(web.get(status.get("receiptTxt").asString(), WebClient.EDU, WebClient.EDU_PASSWORD).body())
			.contains("上传_2081Q1(2).csv", "已入库");
		assertThat(fixture.values(id)).containsExactly("T002-01 370300 2081Q1 = 11", "T002-02 370300 2081Q1 = 12");
		JsonNode listed = web.json("/api/submissions?department=edu&size=5", WebClient.EDU, WebClient.EDU_PASSWORD);
		List<String> names = new ArrayList<>();
		listed.get("items").forEach(s -> names.add(s.get("fileName").asString()));
		assertThat(names).contains("上传_2081Q1(2).csv", "另一个_2081Q2.csv", "上传_2081Q1.csv");
		assertThat(web.get(statusUrl, WebClient.CIVIL, WebClient.CIVIL_PASSWORD).body())
			.as("another department does not learn what became of it").contains("\"status\":\"waiting\"");
	}

	@Test
	void anOperatorUploadsForTheDepartmentItNamesAndADepartmentUserForItsOwnOnly() throws Exception {
		Part file = Part.file("代报_2081Q3.csv", CSV + "T059-01,5,2081Q3\n");

		HttpResponse<String> unnamed = web.post("/api/uploads", WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD, file);
		HttpResponse<String> forCivil = web.post("/api/uploads", WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD, file,
				Part.field("department", "civil"));
		HttpResponse<String> eduForCivil = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.file("越权_2081Q3.csv", CSV + "T059-01,5,2081Q3\n"), Part.field("department", "civil"));
		HttpResponse<String> eduForItself = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.file("自己_2081Q3.csv", CSV + "T002-02,5,2081Q3\n"), Part.field("department", "市教育局"));

		assertThat(unnamed.statusCode()).isEqualTo(400);
		assertThat(unnamed.body()).contains("department=CODE");
		assertThat(forCivil.statusCode()).isEqualTo(202);
		assertThat(json.readTree(forCivil.body()).get(0).get("departmentName").asString()).isEqualTo("市民政局");
		assertThat(fixture.inbox().resolve("市民政局/代报_2081Q3.csv")).exists();
		assertThat(eduForCivil.statusCode()).isEqualTo(403);
		assertThat(eduForItself.statusCode()).isEqualTo(202);
		assertThat(files()).containsExactlyInAnyOrder("市民政局/代报_2081Q3.csv", "市教育局/自己_2081Q3.csv");
	}

	@Test
	void anotherExtensionOrAFileOverTheLimitIsRefusedWithProblemDetailsAndNothingIsWritten() throws Exception {
		byte[] tooLarge = new byte[2 * 1024 * 1024 + 1];

		HttpResponse<String> pdf = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.file("好的_2081Q4.csv", CSV + "T002-02,1,2081Q4\n"), Part.file("说明.pdf", "%PDF-1.4"));
		HttpResponse<String> large = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.file("大文件_2081Q4.csv", tooLarge));
		HttpResponse<String> none = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.field("department", "edu"));
		HttpResponse<String> largePrecheck = web.post("/api/precheck", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.file("大文件_2081Q4.csv", tooLarge));

		assertThat(pdf.statusCode()).isEqualTo(400);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(pdf.body()).get("detail").asString()).contains("说明.pdf", ".xlsx、.xls", ".csv");
		assertThat(large.statusCode()).isEqualTo(400);
		assertThat(json.readTree(large.body()).get("title").asString()).contains("etl.ingest.max-file-size (2.0 MB)");
		assertThat(json.readTree(large.body()).get("detail").asString()).as("what the clerk reads")
			.isEqualTo("文件超过单个文件的上限（2.0 MB）。请删去无关的工作表，或按报告期拆分后分别报送。");
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(json.readTree(none.body()).get("detail").asString()).isEqualTo("请选择要上传的文件。");
		assertThat(largePrecheck.statusCode()).isEqualTo(400);
		assertThat(files()).as("one file refused refuses the request").isEmpty();
	}

	@Test
	void aDepartmentFolderThatIsALinkIsNotWrittenThrough() throws Exception {
		Path elsewhere = Files.createDirectories(Path.of("target/test-elsewhere").toAbsolutePath());
		Files.createSymbolicLink(fixture.inbox().toAbsolutePath().resolve("市教育局"), elsewhere);

		HttpResponse<String> response = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.file("链接_2081Q4.csv", CSV + "T002-02,1,2081Q4\n"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("detail").asString()).contains("不是真正的文件夹");
		try (Stream<Path> written = Files.list(elsewhere)) {
			assertThat(written).isEmpty();
		}
		Files.delete(fixture.inbox().resolve("市教育局"));
	}

	@Test
	void thePagesSessionUploadsOnlyWithTheFormsCsrfToken() throws Exception {
		WebClient.Session clerk = web.login(WebClient.EDU, WebClient.EDU_PASSWORD);
		String token = clerk.csrf("/department");
		List<Part> file = List.of(Part.file("页面_2088Q1.csv", CSV + "T002-02,7,2088Q1\n"));

		HttpResponse<String> forged = clerk.postMultipart("/api/uploads", file);
		HttpResponse<String> forgedPrecheck = clerk.postMultipart("/api/precheck", file);
		HttpResponse<String> basic = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD, file.get(0));
		HttpResponse<String> basicFromAnotherSite = web.post("/api/uploads", WebClient.EDU, WebClient.EDU_PASSWORD,
				List.of("Sec-Fetch-Site", "cross-site"), file.get(0));
		HttpResponse<String> withHeader = clerk.postMultipart("/api/uploads", file, "X-CSRF-TOKEN", token);
		HttpResponse<String> withField = clerk.postMultipart("/api/uploads",
				List.of(Part.field("_csrf", token), Part.file("表单_2088Q1.csv", CSV + "T002-02,8,2088Q1\n")));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forgedPrecheck.statusCode()).isEqualTo(403);
		assertThat(basic.statusCode()).as("a tool's own credentials need no token").isEqualTo(202);
		assertThat(basicFromAnotherSite.statusCode()).as("credentials a browser remembered, sent by another site")
			.isEqualTo(403);
		assertThat(withHeader.statusCode()).as("the page's script").isEqualTo(202);
		assertThat(withField.statusCode()).as("the form sent without the page's script").isEqualTo(202);
		assertThat(files()).containsExactlyInAnyOrder("市教育局/页面_2088Q1.csv", "市教育局/页面_2088Q1(2).csv",
				"市教育局/表单_2088Q1.csv");
	}

	@Test
	void thePagesOwnRequestsAfterTheSessionExpiredAreNotAskedForAPassword() throws Exception {
		HttpRequest own = HttpRequest.newBuilder(URI.create(web.url("/api/uploads/status?name=a.csv&sha256=0&after=0")))
			.header("X-Requested-With", "XMLHttpRequest")
			.build();

		HttpResponse<String> expired = HttpClient.newHttpClient().send(own, HttpResponse.BodyHandlers.ofString());

		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.headers().firstValue("WWW-Authenticate")).as("no password dialog in the browser").isEmpty();
		assertThat(web.get("/api/uploads/status?name=a.csv&sha256=0&after=0").headers().firstValue("WWW-Authenticate"))
			.as("a tool is asked for credentials").hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
	}

	@Test
	void aPrecheckAnswersEveryProblemWhereItIsAndLeavesNothingBehind() throws Exception {
		fixture.ingest();
		String before = fixture.warehouseState();
		long submissions = submissionCount();

		HttpResponse<String> bad = web.post("/api/precheck", WebClient.EDU, WebClient.EDU_PASSWORD,
				Part.file("预检_2086Q1.csv", CSV + "T002-01,约一百,2086Q1\nT002-02,12,2086Q1\n"));
		HttpResponse<String> good = web.post("/api/precheck", WebClient.OPERATOR, WebClient.OPERATOR_PASSWORD,
				Part.file("预检_2086Q1.csv", CSV + "T002-01,100,2086Q1\nT002-02,12,2086Q1\n"), Part.field("department", "edu"));

		assertThat(bad.statusCode()).isEqualTo(200);
		JsonNode checked = json.readTree(bad.body());
		assertThat(checked.get("figures").asInt()).isEqualTo(2);
		assertThat(checked.get("valid").asInt()).isEqualTo(1);
		assertThat(checked.get("wouldLoad").asBoolean()).isFalse();
		assertThat(checked.get("verdict").asString()).startsWith("预检未通过");
		assertThat(checked.get("problems")).singleElement().satisfies(p -> {
			assertThat(p.get("rowNo").asInt()).isEqualTo(2);
			assertThat(p.get("columnName").asString()).isEqualTo("数值");
			assertThat(p.get("value").asString()).isEqualTo("约一百");
			assertThat(p.get("code").asString()).isEqualTo("not_a_number");
			assertThat(p.get("message").asString()).isNotBlank();
		});
		JsonNode passed = json.readTree(good.body());
		assertThat(passed.get("wouldLoad").asBoolean()).isTrue();
		assertThat(passed.get("valid").asInt()).isEqualTo(2);
		assertThat(passed.get("problems")).isEmpty();
		assertThat(fixture.warehouseState()).isEqualTo(before);
		assertThat(submissionCount()).isEqualTo(submissions);
		assertThat(files()).as("nothing in the inbox").isEmpty();
		assertThat(scratchLeftovers()).as("nothing kept in the scratch folder").isEmpty();
	}

	private long submissionCount() {
		return fixture.jdbc().sql("SELECT count(*) FROM warehouse.submission").query(Long.class).single();
	}

	/** Every file in the inbox, as folder/name. */
	private List<String> files() throws Exception {
		try (Stream<Path> paths = Files.walk(fixture.inbox())) {
			return paths.filter(Files::isRegularFile).map(p -> fixture.inbox().relativize(p).toString()).toList();
		}
	}

	private static List<String> scratchLeftovers() throws Exception {
		Path scratch = Path.of("target/test-scratch");
		if (!Files.exists(scratch)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(scratch)) {
			return paths.filter(p -> !Files.isDirectory(p) || p.getFileName().toString().startsWith("precheck-"))
				.map(Path::toString)
				.toList();
		}
	}

}
