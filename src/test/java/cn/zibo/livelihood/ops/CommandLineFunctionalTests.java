package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import cn.zibo.livelihood.ops.text.Columns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, run as an operator would on a fresh machine: each command is its own process in
 * a fresh working directory that holds only {@code seeds/}. The embedded PostgreSQL therefore starts
 * and stops with every command, and what one command wrote, the next one reads. The one setting given
 * is a free port for that database, so that runs of the suite on one machine do not meet on the
 * default one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineFunctionalTests {

	private static Path workDir;

	private static JarRunner jar;

	@BeforeAll
	static void freshWorkingDirectoryWithSeeds() throws IOException {
		workDir = JarRunner.workDirWith("cli-", "seeds");
		jar = new JarRunner(workDir, "--etl.embedded.port=0");
	}

	/** {@code serve} as the jar starts with no command and no settings but the port, shared by the tests that need it. */
	private static JarRunner.Running serve;

	private static int servePort;

	@AfterAll
	static void stopServeAndLeaveNoServerRunning() throws Exception {
		if (serve != null) {
			serve.process().destroy();
			assertThat(serve.process().waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
		}
		assertThat(workDir.resolve("var/pgdata/postmaster.pid")).doesNotExist();
	}

	@Test
	@Order(1)
	void aUsageErrorExitsWithTwoAndStartsNoDatabase() throws Exception {
		JarRunner.Result bogus = run("bogus");

		assertThat(bogus.status()).isEqualTo(2);
		assertThat(bogus.err()).contains("无法识别的命令或参数：“bogus”", "用法：livelihood-pipeline");
		assertThat(workDir.resolve("var/pgdata")).doesNotExist();
	}

	@Test
	@Order(1)
	void theJarHoldsNoBenchmark() throws IOException {
		try (ZipFile jarFile = new ZipFile(JarRunner.JAR.toFile())) {
			assertThat(jarFile.stream().map(ZipEntry::getName).filter(name -> name.toLowerCase(Locale.ROOT).contains("bench")))
				.as("the benchmark lives in src/bench and runs under the bench profile")
				.isEmpty();
		}
	}

	@Test
	@Order(2)
	void catalogueLoadThenShowPrintsTheCatalogueCounts() throws Exception {
		JarRunner.Result load = run("catalogue", "load");
		JarRunner.Result show = run("catalogue", "show");

		assertThat(load.status()).as(load.err()).isZero();
		assertThat(load.out()).contains("目录已加载为第1版（5项攻坚行动，34个方面，113项任务，");
		assertThat(show.status()).as(show.err()).isZero();
		assertThat(show.out()).contains("5项攻坚行动，34个方面，113项任务，241个指标（128个目标，113个进展状态）",
				"实施教育品质提升三年攻坚行动", "市卫生健康委", "health");
		List<String> lines = show.out().lines().toList();
		String leads = lines.stream().filter(l -> l.contains("牵头部门") && l.contains("代码")).findFirst().orElseThrow();
		assertThat(Columns.lineUp(lines, leads, List.of("代码", "说明"))).as("departments line up by display width").isTrue();
	}

	@Test
	@Order(3)
	void aSecondRunOfTheApplicationSeesTheFirstRunsDatabase() throws Exception {
		JarRunner.Result again = run("catalogue", "load");
		JarRunner.Result task = run("catalogue", "show", "--task", "2");
		JarRunner.Result status = run("status");

		assertThat(again.out()).contains("目录未变：来源与现行第1版相同");
		assertThat(task.out()).contains("牵头部门：市教育局、市自然资源和规划局", "T002-00", "任务进展")
			.containsPattern("T002-01 +新改扩建公办幼儿园 +≥103处 +累计 +2024年12月31日前 +是")
			.doesNotContain("cumulative", ">=");
		List<String> taskLines = task.out().lines().toList();
		String header = taskLines.stream().filter(l -> l.contains("指标编码")).findFirst().orElseThrow();
		assertThat(Columns.lineUp(taskLines, header, List.of("目标", "口径", "期限"))).as("indicators line up").isTrue();
		assertThat(status.out()).contains("目录加载").contains("已完成").doesNotContain("catalogueLoadJob", "COMPLETED");
		assertThat(status.out().lines().filter(l -> l.contains("目录加载")).count()).isEqualTo(2);
	}

	@Test
	@Order(4)
	void withNoCommandItServesHealthOnLoopbackUntilStopped() throws Exception {
		defaultServe();

		var health = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + servePort + "/actuator/health"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	@Order(5)
	void serveRefusesToListenBeyondLoopbackWithoutConfiguredUsers() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		JarRunner.Result refused = run("serve", "--server.address=0.0.0.0", "--server.port=" + port);

		assertThat(refused.status()).as(refused.out()).isEqualTo(1);
		assertThat(refused.err()).contains("listens on 0.0.0.0", "no users are configured", "etl.users[0].name");
	}

	@Test
	@Order(6)
	void theEmbeddedDatabaseStartedByDefaultKeepsWhatItWasTold() throws Exception {
		defaultServe();
		List<String> pid = Files.readAllLines(workDir.resolve("var/pgdata/postmaster.pid"));
		String url = "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres";

		List<String> settings = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, "postgres",
				Files.readString(workDir.resolve("var/pgdata/pipeline-password")).strip());
				Statement statement = connection.createStatement()) {
			for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
					rs.next();
					settings.add(name + " " + rs.getString(1));
				}
			}
		}

		assertThat(settings).containsExactly("fsync on", "synchronous_commit on", "full_page_writes on");
	}

	@Test
	@Order(7)
	void theDevelopmentPasswordIsOnTheConsoleAndInNoFileOthersCanRead() throws Exception {
		defaultServe();
		var printed = java.util.regex.Pattern.compile("user 'operator', password '([A-Za-z0-9]{16})'")
			.matcher(Files.readString(serve.out()));
		assertThat(printed.find()).as("the password is shown to whoever started serve").isTrue();
		String password = printed.group(1);

		List<String> readable = new ArrayList<>();
		try (var files = Files.walk(workDir)) {
			for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(workDir.resolve("var/pgdata"))).toList()) {
				var mode = Files.getPosixFilePermissions(file);
				boolean othersMayRead = mode.contains(PosixFilePermission.OTHERS_READ)
						|| mode.contains(PosixFilePermission.GROUP_READ);
				if (othersMayRead && new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(password)) {
					readable.add(workDir.relativize(file) + " " + PosixFilePermissions.toString(mode));
				}
			}
		}

		assertThat(Files.readString(workDir.resolve("var/log/pipeline.log"))).contains("development login")
			.doesNotContain(password);
		assertThat(readable).as("files others may read that hold the password").isEmpty();
	}

	@Test
	@Order(8)
	void aReaderPasswordMakesTheReaderRoleThatReadsTheViewsOnTheFixedPort() throws Exception {
		defaultServe();
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		JarRunner own = new JarRunner(JarRunner.workDirWith("cli-reader-", "seeds"), "--etl.embedded.port=" + port,
				"--etl.reporting.reader.password=reader-secret-1");
		assertThat(own.run("catalogue", "load").status()).isZero();
		JarRunner.Running ownServe = own.start("--server.port=0");
		try {
			for (int i = 0; i < 240 && !Files.readString(ownServe.out()).contains("正在运行（Serving）"); i++) {
				assertThat(ownServe.process().isAlive()).as(Files.readString(ownServe.err())).isTrue();
				Thread.sleep(500);
			}
			String url = "jdbc:postgresql://localhost:" + port + "/postgres";

			assertThat(Files.readString(serve.out())).contains("只读分析账号：未设置（设置 etl.reporting.reader.password"
					+ " 即建立账号“reporting_reader”");
			assertThat(Files.readString(ownServe.out())).contains("只读分析账号：" + url + "，用户“reporting_reader”，"
					+ "密码为设置 etl.reporting.reader.password");
			try (Connection connection = DriverManager.getConnection(url, "reporting_reader", "reader-secret-1");
					Statement statement = connection.createStatement();
					ResultSet tasks = statement.executeQuery("SELECT count(*) FROM reporting.task")) {
				tasks.next();
				assertThat(tasks.getInt(1)).isEqualTo(113);
			}
		}
		finally {
			ownServe.process().destroy();
			assertThat(ownServe.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
	}

	/** Starts {@code serve} with no command and no settings but the port, once, and waits until it answers. */
	private static void defaultServe() throws Exception {
		if (serve != null) {
			return;
		}
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			servePort = socket.getLocalPort();
		}
		serve = jar.start("--server.port=" + servePort);
		var client = java.net.http.HttpClient.newHttpClient();
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + servePort + "/actuator/health"))
			.build();
		for (int i = 0; i < 240; i++) {
			try {
				client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
				return;
			}
			catch (IOException notYet) {
				assertThat(serve.process().isAlive()).as(Files.readString(serve.err())).isTrue();
				Thread.sleep(500);
			}
		}
		throw new AssertionError("serve did not answer within 2 minutes: " + Files.readString(serve.err()));
	}

	private static JarRunner.Result run(String... args) throws IOException, InterruptedException {
		return jar.run(args);
	}

}
