package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import picocli.CommandLine.Command;

import org.springframework.context.ConfigurableApplicationContext;

/** The top of the command tree; with no command given it serves, as CONTRACT.md section 5 says. */
@Command(name = "livelihood-pipeline", mixinStandardHelpOptions = true, version = "livelihood-pipeline 0.1",
		description = { "民生113项重点任务报送数据管道（reporting pipeline for the 113 key livelihood tasks）。",
				"设置为 Spring Boot 属性，写作 --名称=值，例如 --etl.inbox=/srv/inbox（docs/operating.md 列出全部设置）。" },
		subcommands = { ServeCommand.class, CatalogueCommand.class, IngestCommand.class, CheckCommand.class,
				ReconcileCommand.class, ReportCommand.class, TemplateCommand.class, PeriodCommand.class, ValuesCommand.class,
				StatusCommand.class },
		exitCodeListHeading = "%n退出状态：%n",
		exitCodeList = { "0:完成（文件未入库也属正常结果）", "1:命令失败", "2:用法错误" })
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
