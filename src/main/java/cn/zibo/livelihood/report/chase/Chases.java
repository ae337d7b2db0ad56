package cn.zibo.livelihood.report.chase;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.report.chase.ChaseList.Owing;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.validate.Period;

/** 催报 for a period: who still owes figures and what, as a list, a printable workbook and reminders. */
@Component
public class Chases {

	private final ChaseReader reader;

	private final String office;

	Chases(JdbcClient jdbc, PipelineProperties properties) {
		this.reader = new ChaseReader(jdbc);
		this.office = properties.contact();
	}

	/** The departments owing figures for the period, as things stand today. */
	public ChaseList read(Period period) {
		return reader.read(period);
	}

	/** The list as an .xlsx workbook (催报清单, 缺报指标). */
	public void writeWorkbook(ChaseList list, OutputStream out) throws IOException {
		ChaseWorkbook.write(list, out);
	}

	/** 关于报送2024年第三季度民生实事数据的提醒. */
	public String reminderTitle(ChaseList list) {
		return Reminder.title(list);
	}

	/** The reminder notice to one department, signed by the city office ({@code etl.contact}). */
	public String reminder(ChaseList list, Owing owing) {
		return Reminder.text(list, owing, office);
	}

}
