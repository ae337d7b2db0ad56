package cn.zibo.livelihood.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One file of {@code jobs/}, checked: a Spring Batch job to run on a Quartz cron expression.
 *
 * @param name the file name without {@code .yml}; the Quartz job and trigger are named after it
 * @param job the Spring Batch job's name, e.g. {@code ingestJob}
 * @param cron a Quartz cron expression (seconds first)
 * @param timeZone the zone the cron expression is read in
 * @param enabled false keeps the schedule registered but paused
 * @param parameters job parameters added to every run
 * @param description what the schedule is for, for operators
 */
record Schedule(String name, String job, String cron, ZoneId timeZone, boolean enabled, Map<String, String> parameters,
		String description) {

	Schedule {
		parameters = Map.copyOf(parameters);
	}

	/** Changes whenever anything that matters changes, so that an unchanged trigger is left alone. */
	String fingerprint() {
		String canonical = String.join("\n", job, cron, timeZone.getId(), Boolean.toString(enabled),
				new TreeMap<>(parameters).toString(), description == null ? "" : description);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String describe() {
		return name + " (" + job + ", '" + cron + "' " + timeZone.getId() + (enabled ? "" : ", disabled") + ")";
	}

}
