package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zibo.livelihood.PipelineApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads when asking for help or mistyping a command. Help and usage errors are
 * answered before anything starts, so these run the launcher in the test's own process.
 */
class CommandLineUsageTests {

	private record Result(int status, String out, String err) {
	}

	private static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = CommandLineLauncher.run(PipelineApplication.class, new PrintWriter(out, true), new PrintWriter(err, true),
				args);
		return new Result(status, out.toString(), err.toString());
	}

	@Test
	void usageErrorsExitWithTwoAndSayWhatIsWrongInChinese() {
		Result bogus = run("bogus");
		Result badOption = run("catalogue", "show", "--colour");
		Result noSubcommand = run("catalogue");
		Result missing = run("check");
		Result both = run("ingest", "--once", "--dry-run");
		Result bare = run("ingest");

		assertThat(List.of(bogus, badOption, noSubcommand, missing, both, bare)).extracting(Result::status).containsOnly(2);
		assertThat(bogus.err()).contains("无法识别的命令或参数：“bogus”", "用法：livelihood-pipeline [-hV] [COMMAND]");
		assertThat(badOption.err()).contains("无法识别的选项：“--colour”", "用法：livelihood-pipeline catalogue show");
		assertThat(noSubcommand.err()).contains("“catalogue”之后缺少命令", "load", "show");
		assertThat(missing.err()).contains("缺少必需的选项或参数：--department=D、FILE");
		assertThat(both.err()).contains("这些选项只能选用其中一个：--once、--dry-run");
		assertThat(bare.err()).as("ingest needs --once or --dry-run").contains("--once", "--dry-run");
		for (Result result : List.of(bogus, badOption, noSubcommand, missing, both, bare)) {
			assertThat(result.err()).doesNotContain("Usage:", "Unknown option", "Missing", "Unmatched", "mutually exclusive",
					"Show this help", "Exception");
		}
	}

	@Test
	void helpListsTheOperatorsCommandsAndNoTools() {
		Result help = run("--help");

		assertThat(help.status()).as(help.err()).isZero();
		String commands = help.out().substring(help.out().indexOf("命令："), help.out().indexOf("退出状态："));
		assertThat(commands.lines().filter(line -> line.matches("  \\S.*")).map(line -> line.trim().split("\\s+")[0]))
			.containsExactly("serve", "catalogue", "ingest", "check", "reconcile", "report", "template", "period", "values",
					"status");
	}

	@Test
	void everyCommandsHelpIsChineseAndNoLineBreaksAWordOrASetting() {
		List<String> broken = new ArrayList<>();
		for (String[] command : List.of(new String[] { "--help" }, new String[] { "serve", "--help" },
				new String[] { "ingest", "--help" }, new String[] { "status", "--help" }, new String[] { "values", "--help" },
				new String[] { "report", "--help" }, new String[] { "template", "--help" }, new String[] { "check", "--help" },
				new String[] { "reconcile", "--help" }, new String[] { "period", "close", "--help" },
				new String[] { "catalogue", "show", "--help" }, new String[] { "catalogue", "load", "--help" })) {
			Result help = run(command);
			String name = String.join(" ", command);
			assertThat(help.status()).as(name + help.err()).isZero();
			assertThat(help.out()).as(name).containsPattern("[\\u4e00-\\u9fff]")
				.contains("用法：", "显示本帮助并退出。")
				.doesNotContain("Usage:", "Show this help", "Print version", "Commands:");
			help.out()
				.lines()
				.filter(line -> line.matches("(\\s{15}|\\s{20,})\\S.*") && !line.matches("\\s+[\\[(<-].*"))
				.forEach(line -> broken.add(name + ": " + line));
		}
		// (a usage synopsis continued on the next line, [--out=FILE] …, is not a broken description)
		assertThat(broken).as("lines continuing a description broken at the right edge").isEmpty();
	}

}
