package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.warehouse.PeriodLocks;

/** {@code period close P} and {@code period reopen P --reason R}. */
@Command(name = "period", mixinStandardHelpOptions = true, description = "Close or reopen a reporting period (报告期).",
		subcommands = { PeriodCommand.Close.class, PeriodCommand.Reopen.class })
class PeriodCommand {

	/** Shared by both: the period, normalised, and who decided. */
	abstract static class Change implements SpringTask {

		@Parameters(paramLabel = "P", description = "the period: 2024Q3, 2024-07, 2024H1, 2024 …")
		String period;

		@Option(names = "--by", paramLabel = "NAME", description = "who decided (recorded with the change)")
		String actor = System.getProperty("user.name");

		/** Records the change and returns what to tell the operator. */
		abstract String apply(PeriodLocks locks, String code);

		@Override
		public int run(ConfigurableApplicationContext context, PrintWriter out) {
			String code = Period.parse(period).map(Period::code).orElse(null);
			if (code == null) {
				out.println("Not a period: " + period);
				return 1;
			}
			out.println(apply(context.getBean(PeriodLocks.class), code));
			return 0;
		}

	}

	@Command(name = "close", mixinStandardHelpOptions = true,
			description = "Lock a signed-off period: later submissions for it are rejected with a receipt saying so.")
	static class Close extends Change {

		@Option(names = "--reason", paramLabel = "R", description = "why (recorded)")
		String reason;

		@Override
		String apply(PeriodLocks locks, String code) {
			locks.close(code, reason, actor);
			return "Period (报告期) " + code + " closed; submissions for it will be rejected.";
		}

	}

	@Command(name = "reopen", mixinStandardHelpOptions = true, description = "Reopen a closed period.")
	static class Reopen extends Change {

		@Option(names = "--reason", required = true, paramLabel = "R", description = "why (required, recorded)")
		String reason;

		@Override
		String apply(PeriodLocks locks, String code) {
			locks.reopen(code, reason, actor);
			return "Period (报告期) " + code + " reopened: " + reason;
		}

	}

}
