package cn.zibo.livelihood.report.chase;

import java.util.List;

import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.report.chase.ChaseList.IndicatorOwed;
import cn.zibo.livelihood.report.chase.ChaseList.Owing;
import cn.zibo.livelihood.report.chase.ChaseList.TaskOwed;

/**
 * The reminder (催报提醒) an operator copies into a notice or a message to one department, written as
 * the city office writes: title, addressee, the period and its due date, what is still owed by task,
 * what to do, and the office's name and date at the end. Before the due date it asks for the figures
 * by then; after it, as soon as possible.
 */
final class Reminder {

	private static final String INDENT = "\u3000\u3000";

	private Reminder() {
	}

	static String title(ChaseList list) {
		return "关于报送" + list.periodName() + "民生实事数据的提醒";
	}

	static String text(ChaseList list, Owing owing, String office) {
		StringBuilder text = new StringBuilder();
		text.append(title(list)).append("\n\n");
		text.append(owing.name()).append("：\n");
		text.append(INDENT)
			.append("按照全市民生实事数据报送工作安排，")
			.append(list.periodName())
			.append("数据应于")
			.append(ChineseForms.date(list.dueDate()))
			.append("前报送。截至")
			.append(ChineseForms.date(list.asOf()))
			.append("，贵单位本期应报")
			.append(ChineseForms.count(owing.expected()))
			.append("项指标，")
			.append(owing.reported() == 0 ? "尚未报送" : "已报送" + ChineseForms.count(owing.reported()) + "项，尚有")
			.append(owing.reported() == 0 ? "。" : ChineseForms.count(owing.missing()) + "项未报送。")
			.append("未报送的指标如下：\n");
		List<TaskOwed> tasks = owing.tasks();
		for (int i = 0; i < tasks.size(); i++) {
			TaskOwed task = tasks.get(i);
			text.append(INDENT)
				.append(i + 1)
				.append("．任务")
				.append(task.taskNo())
				.append("（")
				.append(task.task())
				.append("）：")
				.append(String.join("、", task.indicators().stream().map(IndicatorOwed::label).toList()))
				.append(i == tasks.size() - 1 ? "。" : "；")
				.append('\n');
		}
		text.append(INDENT)
			.append(list.overdue() ? "上述数据已超过报送截止日期，请抓紧核实，尽快补报。"
					: "请于" + ChineseForms.date(list.dueDate()) + "前完成报送。")
			.append("报送可通过数据报送网页“本部门主页”上传，或将填报文件放入本部门收件箱文件夹。如已报送，请忽略本提醒；如有疑问，请与")
			.append(office)
			.append("联系。\n");
		text.append(INDENT).append("特此提醒。\n\n");
		text.append(INDENT.repeat(8)).append(office).append('\n');
		text.append(INDENT.repeat(8)).append(ChineseForms.date(list.asOf())).append('\n');
		return text.toString();
	}

}
