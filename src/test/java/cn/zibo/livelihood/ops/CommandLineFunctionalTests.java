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
	void usageErrorsExitWithTwoAndStartNoDatabase() throws Exception {
		JarRunner.Result bogus = run("bogus");
		JarRunner.Result badOption = run("catalogue", "show", "--colour");
		JarRunner.Result noSubcommand = run("catalogue");

		assertThat(bogus.status()).isEqualTo(2);
		assertThat(bogus.err()).contains("Unmatched argument", "Usage: livelihood-pipeline");
		assertThat(badOption.status()).isEqualTo(2);
		assertThat(badOption.err()).contains("Unknown option: '--colour'", "Usage: livelihood-pipeline catalogue show");
		assertThat(noSubcommand.status()).isEqualTo(2);
		assertThat(noSubcommand.err()).contains("Missing subcommand", "load", "show");
		assertThat(workDir.resolve("var/pgdata")).doesNotExist();
	}

	@Test
	@Order(1)
	void helpListsTheOperatorsCommandsAndNoTools() throws Exception {
		JarRunner.Result help = run("--help");

		assertThat(help.status()).as(help.err()).isZero();
		String commands = help.out().substring(help.out().indexOf("Commands:"), help.out().indexOf("退出状态："));
		assertThat(commands.lines().filter(line -> line.matches("  \\S.*")).map(line -> line.trim().split("\\s+")[0]))
			.containsExactly("serve", "catalogue", "ingest", "check", "reconcile", "report", "template", "period", "values",
					"status");
	}

	@Test
	@Order(1)
	void everyCommandsHelpIsChineseAndNoLineBreaksAWordOrASetting() throws Exception {
		List<String> broken = new ArrayList<>();
		for (String[] command : List.of(new String[] { "--help" }, new String[] { "serve", "--help" },
				new String[] { "ingest", "--help" }, new String[] { "status", "--help" }, new String[] { "values", "--help" },
				new String[] { "report", "--help" }, new String[] { "template", "--help" }, new String[] { "check", "--help" },
				new String[] { "reconcile", "--help" }, new String[] { "period", "close", "--help" })) {
			JarRunner.Result help = run(command);
			assertThat(help.status()).as(String.join(" ", command) + help.err()).isZero();
			assertThat(help.out()).as(String.join(" ", command)).containsPattern("[\\u4e00-\\u9fff]");
			help.out()
				.lines()
				.filter(line -> line.matches("(\\s{15}|\\s{20,})\\S.*") && !line.matches("\\s+[\\[(<-].*"))
				.forEach(line -> broken.add(String.join(" ", command) + ": " + line));
		}
		// (a usage synopsis continued on the next line, [--out=FILE] …, is not a broken description)
		assertThat(broken).as("lines continuing a description broken at the right edge").isEmpty();
		JarRunner.Result bare = run("ingest");
		assertThat(bare.status()).as("ingest needs --once or --dry-run").isEqualTo(2);
		assertThat(bare.err()).contains("--once", "--dry-run");
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
		assertThat(load.out()).contains("loaded as new version 1", "5 campaigns, 34 sections, 113 tasks");
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

		assertThat(again.out()).contains("unchanged: seeds match current version 1");
		assertThat(task.out()).contains("Leads (牵头部门): 市教育局、市自然资源和规划局",
				"T002-01  新改扩建公办幼儿园  >= 103 处  cumulative by 2024-12-31", "T002-00  任务进展");
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
