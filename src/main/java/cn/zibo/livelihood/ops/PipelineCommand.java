package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/** The top of the command tree; with no command given it serves, as CONTRACT.md section 5 says. */
@Command(name = "livelihood-pipeline", mixinStandardHelpOptions = true, version = "livelihood-pipeline 0.1",
		description = "Reporting pipeline for the 113 key livelihood tasks (民生113项重点任务). "
				+ "Settings are Spring Boot properties given as --name=value (e.g. --etl.inbox=/srv/inbox).",
		subcommands = { ServeCommand.class, CatalogueCommand.class, IngestCommand.class, CheckCommand.class,
				ReconcileCommand.class, ReportCommand.class, TemplateCommand.class, PeriodCommand.class, ValuesCommand.class,
				StatusCommand.class },
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = { "0:done (a rejected submission is a normal outcome)", "1:the command failed",
				"2:usage error" })
class PipelineCommand implements SpringTask {

	private final ServeCommand serve = new ServeCommand();

	@Override
	public boolean serves() {
		return true;
	}

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		return serve.run(context, out);
	}

}
