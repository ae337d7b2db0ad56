package cn.zibo.livelihood.reconcile;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of reconciliation.
 *
 * @param preferredLead per indicator code, the lead department (code, name or alias) whose figure
 * becomes the consolidated one when co-leads disagree, instead of the first lead written in the task;
 * e.g. {@code etl.reconcile.preferred-lead.T062-01=market}
 */
@ConfigurationProperties("etl.reconcile")
public record ReconcileProperties(Map<String, String> preferredLead) {

	public ReconcileProperties {
		// Map keys may arrive in any case (relaxed binding); indicator codes are upper case.
		Map<String, String> byCode = new TreeMap<>();
		if (preferredLead != null) {
			preferredLead.forEach((code, department) -> byCode.put(code.trim().toUpperCase(Locale.ROOT), department.trim()));
		}
		preferredLead = Map.copyOf(byCode);
	}

}
