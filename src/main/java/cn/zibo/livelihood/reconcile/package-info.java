/**
 * Reconciliation: one consistent, explainable picture out of what the departments said. Finds
 * disagreements between co-leads, districts that do not add up to 全市, running totals that fall and
 * figures far off their series, and keeps them as findings that open and close
 * ({@link cn.zibo.livelihood.reconcile.Reconciler}); progress against targets and time, and the
 * departments' completeness against the reporting calendar, are reporting views over the same data.
 * The rules are SQL in the Flyway migrations (V20–V30; the consolidated values they read are kept
 * in {@code warehouse.current_value} as figures load, V28); the classes here apply the settings and
 * run them. Knows nothing of Spring Batch; depends on {@code catalogue} and {@code system}.
 */
package cn.zibo.livelihood.reconcile;
