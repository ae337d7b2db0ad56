package cn.zibo.livelihood.reconcile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zibo.livelihood.catalogue.CurrentCatalogue;

/**
 * Runs reconciliation over everything the warehouse holds now: applies the settings, then lets
 * {@code warehouse.reconcile()} open, keep and close findings. Repeatable: a second run over the same
 * figures changes no finding. Called by the reconcile job and, when figures changed, at the end of
 * every ingest run (it joins the caller's transaction when there is one).
 */
@Component
public class Reconciler {

	private final JdbcClient jdbc;

	private final CurrentCatalogue catalogue;

	private final ReconcileSettings settings;

	private final TransactionTemplate transaction;

	Reconciler(JdbcClient jdbc, CurrentCatalogue catalogue, ReconcileProperties reconcile, CalendarProperties calendar,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.settings = new ReconcileSettings(jdbc, reconcile, calendar);
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Whether figures changed since the last reconcile run (any instance's): warehouse.current_value
	 * counts its changes, a run records up to which one it saw.
	 */
	public boolean pending() {
		return Boolean.TRUE.equals(jdbc.sql("SELECT warehouse.reconcile_pending()").query(Boolean.class).single());
	}

	/** @throws IllegalStateException when no catalogue is loaded or a preferred lead setting is wrong */
	public ReconcileOutcome run() {
		return transaction.execute(status -> {
			// Runs take turns from the start: two processes storing different settings at once would
			// otherwise collide on warehouse.preferred_lead. (warehouse.reconcile() takes it again.)
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('warehouse.reconcile'))").query((rs, n) -> n).list();
			settings.store(catalogue.get().catalogue());
			return jdbc.sql("SELECT findings, opened, closed FROM warehouse.reconcile()")
				.query((rs, n) -> new ReconcileOutcome(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
				.single();
		});
	}

}
