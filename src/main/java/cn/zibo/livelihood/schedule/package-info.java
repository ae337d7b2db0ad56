/**
 * What runs unattended under {@code serve}: the schedules of {@code jobs/}, registered in Quartz's
 * clustered JDBC job store so that several instances on one database share them and fire each
 * trigger once; the inbox watcher, which starts ingest within seconds of a complete file arriving;
 * the start-up recovery of runs a killed process left behind; and the heartbeat by which each
 * {@code serve} tells the others it is alive, so that runs whose process is gone are recovered at
 * once, on any host. Nothing here is active for the one-shot commands: it is switched on with the
 * scheduler ({@code spring.quartz.auto-startup}, true only for {@code serve}), but for
 * {@link cn.zibo.livelihood.schedule.ScheduleBoard}, which shows the schedules on the operator page
 * whether or not this process runs them. Launches jobs only through {@code jobs.Executions}. Depends on
 * {@code jobs}, the capabilities and {@code system}; only {@code ops} depends on it.
 */
package cn.zibo.livelihood.schedule;
