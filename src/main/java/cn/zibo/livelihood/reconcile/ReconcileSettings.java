package cn.zibo.livelihood.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.catalogue.Indicator;

/**
 * Writes the settings a reconcile run works with into the tables the reporting views read
 * (warehouse.preferred_lead, warehouse.reporting_calendar), after checking every preferred lead
 * against the catalogue: a setting naming a department that does not lead the task would silently
 * change nothing, so it is refused, with every such mistake listed at once.
 */
final class ReconcileSettings {

	private final JdbcClient jdbc;

	private final ReconcileProperties reconcile;

	private final CalendarProperties calendar;

	ReconcileSettings(JdbcClient jdbc, ReconcileProperties reconcile, CalendarProperties calendar) {
		this.jdbc = jdbc;
		this.reconcile = reconcile;
		this.calendar = calendar;
	}

	void store(Catalogue catalogue) {
		Map<String, String> leads = preferredLeads(catalogue);
		jdbc.sql("DELETE FROM warehouse.preferred_lead").update();
		leads.forEach((indicator, department) -> jdbc
			.sql("INSERT INTO warehouse.preferred_lead (indicator_code, department_code) VALUES (?, ?)")
			.params(indicator, department)
			.update());
		jdbc.sql("UPDATE warehouse.reporting_calendar SET frequency = ?, due_days = ?")
			.params(calendar.frequency().code(), calendar.dueDays())
			.update();
	}

	/** Indicator code to department code; throws listing every setting that names no lead of the task. */
	Map<String, String> preferredLeads(Catalogue catalogue) {
		Map<String, String> resolved = new java.util.TreeMap<>();
		List<String> problems = new ArrayList<>();
		reconcile.preferredLead().forEach((code, written) -> {
			String setting = "etl.reconcile.preferred-lead." + code + "=" + written;
			Optional<Indicator> indicator = catalogue.indicators().stream().filter(i -> i.code().equals(code)).findFirst();
			Optional<Department> department = catalogue.department(written);
			if (indicator.isEmpty()) {
				problems.add(setting + ": no indicator " + code + " in the catalogue (目录); expected a code such as T062-01");
			}
			else if (department.isEmpty()) {
				problems.add(setting + ": no department called " + written + "; expected its code, name or alias");
			}
			else if (!catalogue.leadsOf(indicator.get().taskNo()).contains(department.get().code())) {
				problems.add(setting + ": " + department.get().name() + " does not lead task " + indicator.get().taskNo()
						+ "; its leads (牵头部门) are " + catalogue.leadsOf(indicator.get().taskNo()));
			}
			else {
				resolved.put(code, department.get().code());
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Preferred lead settings refused:\n  " + String.join("\n  ", problems));
		}
		return resolved;
	}

}
