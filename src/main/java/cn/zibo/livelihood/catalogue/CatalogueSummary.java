package cn.zibo.livelihood.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the current catalogue back through the reporting views, for people to look at. */
@Component
public class CatalogueSummary {

	private final JdbcClient jdbc;

	CatalogueSummary(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Version> version() {
		return jdbc.sql("""
				SELECT v.version_id, v.seed_sha256, v.loaded_at, v.activated_at,
				       (SELECT count(*) FROM catalogue.version) AS versions
				FROM catalogue.version v JOIN catalogue.current_version c ON c.version_id = v.version_id""")
			.query(Version.class)
			.optional();
	}

	public List<CampaignLine> campaigns() {
		return jdbc.sql("""
				SELECT t.campaign_no, t.campaign_name,
				       count(DISTINCT t.section_no) AS sections,
				       count(DISTINCT t.task_no) AS tasks,
				       count(i.indicator_code) FILTER (WHERE i.basis <> 'status') AS targets,
				       count(DISTINCT i.task_no) FILTER (WHERE i.basis <> 'status') AS tasks_with_targets
				FROM reporting.task t LEFT JOIN reporting.indicator i ON i.task_no = t.task_no
				GROUP BY t.campaign_no, t.campaign_name ORDER BY t.campaign_no""")
			.query(CampaignLine.class)
			.list();
	}

	public List<DepartmentLine> departments() {
		return jdbc.sql("""
				SELECT d.code, d.name, d.name_en, d.is_group,
				       count(t.task_no) AS tasks_led,
				       count(t.task_no) FILTER (WHERE t.lead_departments[1] = d.name) AS tasks_led_first
				FROM reporting.department d LEFT JOIN reporting.task t ON d.name = ANY (t.lead_departments)
				GROUP BY d.code, d.name, d.name_en, d.is_group ORDER BY tasks_led DESC, d.code""")
			.query(DepartmentLine.class)
			.list();
	}

	public Optional<TaskLine> task(int taskNo) {
		return jdbc.sql("""
				SELECT task_no, campaign_no, campaign_name, section_no, section_name, task_text,
				       array_to_string(lead_departments, '、') AS leads
				FROM reporting.task WHERE task_no = ?""")
			.param(taskNo)
			.query(TaskLine.class)
			.optional();
	}

	public List<IndicatorLine> indicators(int taskNo) {
		return jdbc.sql("""
				SELECT indicator_code, name, unit, comparator, target, basis, deadline, additive, source_phrase
				FROM reporting.indicator WHERE task_no = ? ORDER BY indicator_code""")
			.param(taskNo)
			.query(IndicatorLine.class)
			.list();
	}

	public record Version(int versionId, String seedSha256, OffsetDateTime loadedAt, OffsetDateTime activatedAt,
			long versions) {
	}

	public record CampaignLine(int campaignNo, String campaignName, long sections, long tasks, long targets,
			long tasksWithTargets) {
	}

	public record DepartmentLine(String code, String name, String nameEn, boolean isGroup, long tasksLed,
			long tasksLedFirst) {
	}

	public record TaskLine(int taskNo, int campaignNo, String campaignName, int sectionNo, String sectionName,
			String taskText, String leads) {
	}

	public record IndicatorLine(String indicatorCode, String name, String unit, String comparator, BigDecimal target,
			String basis, LocalDate deadline, boolean additive, String sourcePhrase) {
	}

}
