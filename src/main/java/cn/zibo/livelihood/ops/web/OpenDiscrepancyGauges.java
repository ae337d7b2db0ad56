package cn.zibo.livelihood.ops.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.system.DatabaseProbe;

/**
 * {@code livelihood_discrepancies_open{department="…"}}: the findings still open in
 * {@code reporting.discrepancy} that name each department, one series per department of the current
 * catalogue (0 when it has none), so that an alert can say whose figures disagree. A finding naming
 * two departments counts for both; one naming none is counted under {@code none}.
 * <p>
 * Counted every {@link #EVERY_SECONDS} seconds rather than on each scrape, so that a scrape never
 * waits for the database and one count serves every department's series.
 */
@ServeOnly
@Component
class OpenDiscrepancyGauges {

	static final int EVERY_SECONDS = 5;

	private static final String NONE = "none";

	private final MeterRegistry registry;

	private final JdbcClient jdbc;

	private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();

	private final DatabaseProbe database;

	OpenDiscrepancyGauges(MeterRegistry registry, JdbcClient jdbc, DatabaseProbe database) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.database = database;
		series(NONE); // the metric is there from the start, before the catalogue is loaded
	}

	@Scheduled(initialDelay = 0, fixedDelay = EVERY_SECONDS, timeUnit = TimeUnit.SECONDS)
	void count() {
		// with the database gone the last counts stand: waiting out the pool here would also hold up a
		// shutdown, which waits for a count under way
		if (!database.check().reachable()) {
			return;
		}
		// a department new to the catalogue gets its series (at 0) with the next count
		jdbc.sql("SELECT code FROM reporting.department WHERE NOT is_group").query(String.class).list().forEach(this::series);
		// findings show departments by name; the label is the department's code
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				SELECT coalesce(d.code, named.department, ?) AS department, count(*) AS open
				FROM reporting.discrepancy f
				LEFT JOIN LATERAL unnest(f.departments) AS named(department) ON true
				LEFT JOIN reporting.department d ON named.department IN (d.name, d.code)
				WHERE f.status = 'open'
				GROUP BY 1""")
			.param(NONE)
			.query((rs, n) -> counts.put(rs.getString("department"), rs.getLong("open")))
			.list();
		counts.keySet().forEach(this::series);
		open.forEach((department, value) -> value.set(counts.getOrDefault(department, 0L)));
	}

	private AtomicLong series(String department) {
		return open.computeIfAbsent(department, code -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder("livelihood.discrepancies.open", value, AtomicLong::get)
				.description("Discrepancies open in reporting.discrepancy naming the department (待核实差异)")
				.tag("department", code)
				.register(registry);
			return value;
		});
	}

}
