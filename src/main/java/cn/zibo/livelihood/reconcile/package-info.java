/**
 * Reconciliation: one consistent, explainable picture out of what the departments said. Finds
 * disagreements between co-leads, districts that do not add up to 全市, running totals that fall and
 * figures far off their series, and keeps them as findings that open and close
 * ({@link cn.zibo.livelihood.reconcile.Reconciler}); progress against targets and time, and the
 * departments' completeness against the reporting calendar, are reporting views over the same data.
 * The rules are SQL, one repeatable migration per area ({@code R__reconcile_rules.sql},
 * {@code R__reconcile_run.sql}, {@code R__progress.sql}, {@code R__progress_rollups.sql}, {@code R__completeness.sql}; the consolidated
 * values they read are kept in {@code warehouse.current_value} as figures load,
 * {@code R__consolidated_values.sql}); docs/reconciliation.md leads from each rule to its SQL and its
 * test. The classes here apply the settings and run them. Knows nothing of Spring Batch; depends on
 * {@code catalogue} and {@code system}.
 */
package cn.zibo.livelihood.reconcile;
