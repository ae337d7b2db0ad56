package cn.zibo.livelihood.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The database role downstream tools (BI tools, psql, Excel) read the reporting views with, made
 * ready after every migration, so that views a new version adds are granted too: created or updated
 * when {@code etl.reporting.reader.password} is set, and its rights set to reading the views of
 * schema {@code reporting} and nothing else ({@link ReaderGrants}). Its JDBC URL is printed by
 * {@code serve}.
 */
@Component
public final class ReportingReader implements Callback {

	private static final Logger log = LoggerFactory.getLogger(ReportingReader.class);

	private final PipelineProperties.Reader settings;

	private final ObjectProvider<EmbeddedPostgresServer> embedded;

	private final PipelineProperties.Embedded embeddedSettings;

	private final Environment environment;

	private volatile ReaderGrants.Outcome outcome = ReaderGrants.Outcome.ABSENT;

	ReportingReader(PipelineProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded,
			Environment environment) {
		this.settings = properties.reporting().reader();
		this.embeddedSettings = properties.embedded();
		this.embedded = embedded;
		this.environment = environment;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		Connection connection = context.getConnection();
		try {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				outcome = ReaderGrants.apply(connection, settings);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			if ("42501".equals(ex.getSQLState())) {
				throw new IllegalStateException("The pipeline's database user may not create or change roles, so the"
						+ " reporting reader '" + settings.name() + "' cannot be made (" + ex.getMessage().strip()
						+ "): have an administrator create it as docs/reporting.md shows, and leave"
						+ " etl.reporting.reader.password unset", ex);
			}
			throw new IllegalStateException("Cannot set up the reporting reader '" + settings.name() + "': " + ex.getMessage(),
					ex);
		}
		switch (outcome) {
			case ABSENT -> log.info("No reporting reader role: etl.reporting.reader.password is not set");
			case GRANTED -> log.info("Reporting reader '{}' (made by an administrator) may read the views of schema reporting",
					settings.name());
			default -> log.info("Reporting reader '{}' {}: it may read the views of schema reporting", settings.name(),
					outcome.name().toLowerCase());
		}
	}

	@Override
	public String getCallbackName() {
		return "reporting reader";
	}

	/** For the console of {@code serve}: where a reporting tool connects, or how to make that possible. */
	public List<String> describe() {
		if (outcome == ReaderGrants.Outcome.ABSENT) {
			return List.of("  只读分析账号：未设置（设置 etl.reporting.reader.password 即建立账号“" + settings.name()
					+ "”，见 docs/reporting.md）");
		}
		return List.of("  只读分析账号：" + jdbcUrl() + "，用户“" + settings.name() + "”"
				+ (settings.managed() ? "，密码为设置 etl.reporting.reader.password" : "") + "，可读 reporting 模式的视图（见 docs/reporting.md）");
	}

	/** The URL a reporting tool connects to: the embedded server's from outside, or the external one's. */
	public String jdbcUrl() {
		EmbeddedPostgresServer server = embedded.getIfAvailable();
		if (server == null) {
			return withoutCredentials(environment.getProperty("spring.datasource.url", ""));
		}
		return "jdbc:postgresql://" + host(embeddedSettings.listenAddresses()) + ":" + server.port() + "/postgres";
	}

	/** The pipeline's own user and password, should its URL carry them, are not the reader's to see. */
	static String withoutCredentials(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return url;
		}
		List<String> kept = java.util.Arrays.stream(url.substring(query + 1).split("&"))
			.filter(p -> !p.toLowerCase(java.util.Locale.ROOT).startsWith("user=")
					&& !p.toLowerCase(java.util.Locale.ROOT).startsWith("password="))
			.toList();
		return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
	}

	/** The first address others reach, or this machine's name when it listens on all of them. */
	static String host(String listenAddresses) {
		String first = "localhost";
		for (String address : listenAddresses.replace(" ", "").split(",")) {
			if (List.of("*", "0.0.0.0", "::").contains(address)) {
				try {
					return InetAddress.getLocalHost().getHostName();
				}
				catch (UnknownHostException ex) {
					return "localhost";
				}
			}
			if (!List.of("localhost", "127.0.0.1", "::1", "").contains(address) && "localhost".equals(first)) {
				first = address.contains(":") ? "[" + address + "]" : address;
			}
		}
		return first;
	}

}
