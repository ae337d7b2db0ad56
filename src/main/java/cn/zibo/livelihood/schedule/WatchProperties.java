package cn.zibo.livelihood.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbox watcher of {@code serve}.
 *
 * @param enabled false leaves ingest to the schedules
 * @param interval how often the inbox is looked at
 * @param retryAfter after a failed ingest, how long the watcher waits before trying again (the cause,
 * a bad mapping file say, usually needs a person)
 */
@ConfigurationProperties("etl.watch")
public record WatchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration interval,
		@DefaultValue("1m") Duration retryAfter) {
}
