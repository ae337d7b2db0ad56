package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.catalogue.CatalogueSummary.CampaignLine;
import cn.zibo.livelihood.catalogue.CatalogueSummary.DepartmentLine;
import cn.zibo.livelihood.catalogue.CatalogueSummary.IndicatorLine;
import cn.zibo.livelihood.catalogue.CatalogueSummary.TaskLine;
import cn.zibo.livelihood.catalogue.CatalogueSummary;
import cn.zibo.livelihood.ops.text.TextTable;
import cn.zibo.livelihood.ops.text.Words;
import cn.zibo.livelihood.report.ViewWords;

/** A readable summary of the current catalogue, or one task in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "概览当前目录，或查看一项任务的指标和牵头部门。")
class CatalogueShowCommand implements SpringTask {

	@Option(names = "--task", paramLabel = "N", description = "查看第 N 项任务（1至113）")
	Integer task;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		CatalogueSummary summary = context.getBean(CatalogueSummary.class);
		var version = summary.version();
		if (version.isEmpty()) {
			out.println("尚未加载任务目录。请先运行：catalogue load");
			return 1;
		}
		return (task == null) ? overview(summary, version.get(), out) : task(summary, task, out);
	}

	private int overview(CatalogueSummary summary, CatalogueSummary.Version version, PrintWriter out) {
		List<CampaignLine> campaigns = summary.campaigns();
		out.printf("目录第%d版（共%d版），加载于%s，来源文件指纹 %s%n", version.versionId(), version.versions(),
				version.loadedAt().toLocalDateTime().withNano(0).toString().replace('T', ' '), version.seedSha256().substring(0, 12));
		out.printf("%d项攻坚行动，%d个方面，%d项任务，%d个指标（%d个目标，%d个进展状态）%n%n", campaigns.size(),
				campaigns.stream().mapToLong(CampaignLine::sections).sum(),
				campaigns.stream().mapToLong(CampaignLine::tasks).sum(),
				campaigns.stream().mapToLong(c -> c.targets() + c.tasks()).sum(),
				campaigns.stream().mapToLong(CampaignLine::targets).sum(),
				campaigns.stream().mapToLong(CampaignLine::tasks).sum());
		TextTable byCampaign = new TextTable().right("序号").left("攻坚行动").right("方面").right("任务").right("目标")
			.right("有目标的任务");
		campaigns.forEach(c -> byCampaign.row(c.campaignNo(), c.campaignName(), c.sections(), c.tasks(), c.targets(),
				c.tasksWithTargets()));
		byCampaign.print(out);
		out.println();
		TextTable leads = new TextTable().left("牵头部门").left("代码").right("牵头任务").right("其中第一牵头").left("说明");
		summary.departments().forEach(d -> leads.row(d.name(), d.code(), d.tasksLed(), d.tasksLedFirst(),
				d.isGroup() ? "成员单位集合，无收件文件夹" : ""));
		leads.print(out);
		return 0;
	}

	private int task(CatalogueSummary summary, int taskNo, PrintWriter out) {
		TaskLine line = summary.task(taskNo).orElse(null);
		if (line == null) {
			out.println("目录中没有第" + taskNo + "项任务（任务编号为1至113）。");
			return 1;
		}
		out.printf("第%d项任务　第%d项攻坚行动：%s　第%d方面：%s%n", line.taskNo(), line.campaignNo(), line.campaignName(),
				line.sectionNo(), line.sectionName());
		out.println("牵头部门：" + line.leads());
		out.println(line.taskText());
		out.println();
		TextTable indicators = new TextTable().left("指标编码").left("指标").left("目标").left("口径").left("期限").left("区县可加总")
			.left("出处");
		for (IndicatorLine i : summary.indicators(taskNo)) {
			if ("status".equals(i.basis())) {
				indicators.row(i.indicatorCode(), i.name(), "未启动／推进中／已完成／滞后", "进展状态", "", "", "");
				continue;
			}
			indicators.row(i.indicatorCode(), i.name(), comparator(i.comparator()) + Words.number(i.target()) + i.unit(),
					ViewWords.chinese(i.basis()), i.deadline() == null ? "每年" : deadline(i.deadline()),
					i.additive() ? "是" : "否", i.sourcePhrase());
		}
		indicators.print(out);
		return 0;
	}

	private static String comparator(String comparator) {
		return switch (comparator) {
			case ">=" -> "≥";
			case "<=" -> "≤";
			case ">" -> "＞";
			case "<" -> "＜";
			default -> comparator;
		};
	}

	private static String deadline(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日前";
	}

}
