package cn.zibo.livelihood.ops;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped under a running {@code serve}: its embedded database process is killed, as a
 * crash or an out-of-memory kill would. Health says DOWN within 2 s, the page says in Chinese what
 * happened and what to do, and a command run meanwhile prints one line naming the database and exits
 * 1. A command against an external PostgreSQL that is stopped does the same.
 */
class DatabaseStoppedFunctionalTests {

	private static final String OPERATOR = "admin";

	private static final String OPERATOR_PASSWORD = "admin-secret-1";

	private static JarRunner jar;

	private static JarRunner.Running serve;

	private static int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void serveWhoseEmbeddedDatabaseIsKilled() throws Exception {
		jar = new JarRunner(JarRunner.workDirWith("stopped-", "seeds", "mappings"), "--etl.embedded.durable=false", "--etl.embedded.port=0",
				"--etl.users[0].name=" + OPERATOR, "--etl.users[0].password=" + OPERATOR_PASSWORD, "--etl.users[0].role=operator");
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		serve = jar.start("serve", "--server.port=" + port);
		for (int i = 0; i < 600 && serve.process().isAlive() && !Files.readString(serve.out()).contains("正在运行（Serving）"); i++) {
			Thread.sleep(500);
		}
		assertThat(serve.process().isAlive()).as(Files.readString(serve.err())).isTrue();
		assertThat(HttpClient.newHttpClient().send(get("/actuator/health").build(), HttpResponse.BodyHandlers.ofString()).body())
			.contains("\"status\":\"UP\"");
		long postmaster = Long.parseLong(Files.readAllLines(jar.workDir().resolve("var/pgdata/postmaster.pid")).get(0).trim());
		ProcessHandle database = ProcessHandle.of(postmaster).orElseThrow();
		database.destroyForcibly();
		database.onExit().get(30, TimeUnit.SECONDS);
	}

	@AfterAll
	static void stopServe() throws Exception {
		if (serve != null) {
			serve.process().destroy();
			// With the database gone, the connection pool's own shutdown waits up to 10 s for connections
			// in use to come back; serve adds no wait of its own to that (it used to wait out the pool's 30 s).
			boolean stopped = serve.process().waitFor(20, TimeUnit.SECONDS);
			if (!stopped) {
				serve.process().destroyForcibly();
			}
			assertThat(stopped).as("SIGTERM stops serve within 20 s though its database is gone").isTrue();
		}
	}

	@Test
	void healthAnswersDownWithinTwoSeconds() throws Exception {
		for (int i = 0; i < 3; i++) {
			long started = System.nanoTime();
			HttpResponse<String> health = http.send(get("/actuator/health").timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"DOWN\"");
			assertThat(took).as("answered within 2 s").isLessThan(Duration.ofSeconds(2));
			Thread.sleep(700);
		}
	}

	@Test
	void thePageSaysInChineseThatTheDatabaseIsUnavailableAndWhatToDo() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
		String form = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> login = browser.send(get("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + OPERATOR + "&password=" + OPERATOR_PASSWORD + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location")).hasValue("/");

		long started = System.nanoTime();
		HttpResponse<String> overview = browser.send(get("/").timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		HttpResponse<String> api = http.send(get("/api/submissions").header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(overview.statusCode()).isEqualTo(503);
		assertThat(overview.body()).contains("数据库暂时无法连接", "请过几分钟再刷新本页", "已放进收件箱的文件不会丢失",
				"请通知系统运维人员", "重新启动本服务");
		assertThat(took).as("at once, not after the pool's 30 s").isLessThan(Duration.ofSeconds(2));
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.body()).contains("\"status\":503", "数据库暂时无法连接");
	}

	@Test
	void aCommandPrintsOneLineNamingTheEmbeddedDatabaseAndExitsWithOne() throws Exception {
		JarRunner.Result status = jar.run("status");

		String said = status.out() + status.err();
		assertThat(status.status()).isEqualTo(1);
		assertThat(said.lines()).as(said).singleElement().satisfies(line -> assertThat(line).contains(
				"无法启动嵌入式数据库（数据目录 " + jar.workDir().resolve("var/pgdata") + "）",
				"进程 " + serve.process().pid() + " 仍占用数据目录", "详细信息见 var/log/pipeline.log"));
		assertThat(Files.readString(jar.workDir().resolve("var/log/pipeline.log"))).as("the stack trace, in the log file")
			.contains("could not lock", "\tat io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
	}

	@Test
	void aCommandPrintsOneLineNamingTheExternalDatabaseAndExitsWithOne() throws Exception {
		EmbeddedPostgres stopped = EmbeddedPostgres.builder().start();
		String url = stopped.getJdbcUrl("postgres", "postgres");
		stopped.close();
		JarRunner external = new JarRunner(JarRunner.workDirWith("stopped-external-", "seeds"), "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres");

		JarRunner.Result status = external.run("status");

		String said = status.out() + status.err();
		assertThat(status.status()).isEqualTo(1);
		assertThat(said.lines()).as(said).singleElement().satisfies(line -> assertThat(line)
			.startsWith("无法连接数据库 " + url + "：")
			.contains("refused", "详细信息见 var/log/pipeline.log"));
		Path log = external.workDir().resolve("var/log/pipeline.log");
		assertThat(Files.readString(log)).contains("Command failed", "\tat ");
	}

	private static HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

}
