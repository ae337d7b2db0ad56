package cn.zibo.livelihood.ops;

import picocli.CommandLine.Command;

/** {@code catalogue load} and {@code catalogue show}. */
@Command(name = "catalogue", mixinStandardHelpOptions = true, description = "加载或查看任务目录。",
		subcommands = { CatalogueLoadCommand.class, CatalogueShowCommand.class })
class CatalogueCommand {

}
