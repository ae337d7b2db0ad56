package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.warehouse.PeriodLocks;

/** {@code period close P} and {@code period reopen P --reason R}. */
@Command(name = "period", mixinStandardHelpOptions = true, description = "关闭或重新开放一个报告期。",
		subcommands = { PeriodCommand.Close.class, PeriodCommand.Reopen.class })
class PeriodCommand {

	/** Shared by both: the period, normalised, and who decided. */
	abstract static class Change implements SpringTask {

		@Parameters(paramLabel = "P", description = "报告期：2024Q3、2024-07、2024H1、2024 等")
		String period;

		@Option(names = "--by", paramLabel = "NAME", description = "由谁决定（随变更记录）")
		String actor = System.getProperty("user.name");

		/** Records the change and returns what to tell the operator. */
		abstract String apply(PeriodLocks locks, String code);

		@Override
		public int run(ConfigurableApplicationContext context, PrintWriter out) {
			String code = Period.parse(period).map(Period::code).orElse(null);
			if (code == null) {
				out.println("“" + period + "”不是报告期。请写成2024Q3、2024年第三季度、2024-07、2024H1或2024等形式。");
				return 1;
			}
			out.println(apply(context.getBean(PeriodLocks.class), code));
			return 0;
		}

	}

	@Command(name = "close", mixinStandardHelpOptions = true,
			description = "关闭已审核的报告期：之后报送该期的文件将被退回，回执说明原因。")
	static class Close extends Change {

		@Option(names = "--reason", paramLabel = "R", description = "原因（记录在案）")
		String reason;

		@Override
		String apply(PeriodLocks locks, String code) {
			locks.close(code, reason, actor);
			return "Period (报告期) " + code + " closed; submissions for it will be rejected.";
		}

	}

	@Command(name = "reopen", mixinStandardHelpOptions = true, description = "重新开放已关闭的报告期。")
	static class Reopen extends Change {

		@Option(names = "--reason", required = true, paramLabel = "R", description = "原因（必填，记录在案）")
		String reason;

		@Override
		String apply(PeriodLocks locks, String code) {
			locks.reopen(code, reason, actor);
			return "Period (报告期) " + code + " reopened: " + reason;
		}

	}

}
