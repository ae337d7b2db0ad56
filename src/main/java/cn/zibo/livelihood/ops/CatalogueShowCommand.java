package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.catalogue.CatalogueSummary;
import cn.zibo.livelihood.catalogue.CatalogueSummary.CampaignLine;
import cn.zibo.livelihood.catalogue.CatalogueSummary.DepartmentLine;
import cn.zibo.livelihood.catalogue.CatalogueSummary.IndicatorLine;
import cn.zibo.livelihood.catalogue.CatalogueSummary.TaskLine;

/** A readable summary of the current catalogue, or one task in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Summarise the current catalogue, or show one task with its indicators and leads.")
class CatalogueShowCommand implements SpringTask {

	@Option(names = "--task", paramLabel = "N", description = "show task N (1..113) in full")
	Integer task;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		CatalogueSummary summary = context.getBean(CatalogueSummary.class);
		var version = summary.version();
		if (version.isEmpty()) {
			out.println("No catalogue (目录) loaded yet. Run: catalogue load");
			return 1;
		}
		return (task == null) ? overview(summary, version.get(), out) : task(summary, task, out);
	}

	private int overview(CatalogueSummary summary, CatalogueSummary.Version version, PrintWriter out) {
		List<CampaignLine> campaigns = summary.campaigns();
		out.printf("Catalogue (目录) version %d of %d, loaded %s, seed sha256 %s%n", version.versionId(),
				version.versions(), version.loadedAt().toLocalDateTime().withNano(0), version.seedSha256().substring(0, 12));
		out.printf("%d campaigns, %d sections, %d tasks, %d indicators (%d targets, %d status)%n%n", campaigns.size(),
				campaigns.stream().mapToLong(CampaignLine::sections).sum(),
				campaigns.stream().mapToLong(CampaignLine::tasks).sum(),
				campaigns.stream().mapToLong(c -> c.targets() + c.tasks()).sum(),
				campaigns.stream().mapToLong(CampaignLine::targets).sum(),
				campaigns.stream().mapToLong(CampaignLine::tasks).sum());
		out.println("Campaign (攻坚行动)                            sections  tasks  targets  tasks with targets");
		for (CampaignLine c : campaigns) {
			out.printf("%d %s %8d %6d %8d %19d%n", c.campaignNo(), pad(c.campaignName(), 40), c.sections(), c.tasks(),
					c.targets(), c.tasksWithTargets());
		}
		out.println();
		out.println("Lead departments (牵头部门)                     code              tasks led  as first lead");
		for (DepartmentLine d : summary.departments()) {
			out.printf("%s %-16s %10d %14d%s%n", pad(d.name(), 44), d.code(), d.tasksLed(), d.tasksLedFirst(),
					d.isGroup() ? "  (group 成员单位, no inbox)" : "");
		}
		return 0;
	}

	private int task(CatalogueSummary summary, int taskNo, PrintWriter out) {
		TaskLine line = summary.task(taskNo).orElse(null);
		if (line == null) {
			out.println("No task " + taskNo + " in the catalogue (tasks are numbered 1..113).");
			return 1;
		}
		out.printf("Task (任务) %d  campaign %d %s / section %d %s%n", line.taskNo(), line.campaignNo(),
				line.campaignName(), line.sectionNo(), line.sectionName());
		out.println("Leads (牵头部门): " + line.leads());
		out.println(line.taskText());
		out.println();
		out.println("Indicators (指标):");
		for (IndicatorLine i : summary.indicators(taskNo)) {
			if ("status".equals(i.basis())) {
				out.printf("  %s  %s  status: 未启动 | 推进中 | 已完成 | 滞后%n", i.indicatorCode(), i.name());
				continue;
			}
			out.printf("  %s  %s  %s %s %s  %s%s  %s%n      from: %s%n", i.indicatorCode(), i.name(), i.comparator(),
					i.target().stripTrailingZeros().toPlainString(), i.unit(), i.basis(),
					i.deadline() == null ? " (each year)" : " by " + i.deadline(), i.additive() ? "adds up" : "does not add up",
					i.sourcePhrase());
		}
		return 0;
	}

	/** Pads by display width: a Chinese character takes two columns on a terminal. */
	static String pad(String text, int width) {
		int used = text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
		return used >= width ? text : text + " ".repeat(width - used);
	}

}
