package cn.zibo.livelihood.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Whether PostgreSQL answers, found out within about a second. The connection pool waits up to 30 s
 * for a connection, which is right for work that can wait but wrong for a health check or for telling
 * a person at the page that the database is down. This opens a connection of its own, outside the
 * pool, with one-second timeouts. A busy pool therefore never makes the database look down. The
 * answer is kept for a second, so that a burst of requests opens one connection, not one each.
 */
public final class DatabaseProbe {

	private static final Duration KEEP = Duration.ofSeconds(1);

	private final HikariDataSource pool;

	private final Clock clock;

	private volatile Result last;

	/** What the last look found; {@code problem} is null when the database answered. */
	public record Result(boolean reachable, String problem, Instant at) {
	}

	private DatabaseProbe(HikariDataSource pool, Clock clock) {
		this.pool = pool;
		this.clock = clock;
	}

	/** The application's data source is a Hikari pool, embedded or external; its settings are reused. */
	public static DatabaseProbe of(DataSource dataSource) {
		try {
			return new DatabaseProbe(dataSource.unwrap(HikariDataSource.class), Clock.systemUTC());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The data source is not a Hikari pool: " + dataSource, ex);
		}
	}

	/** The database's JDBC URL, which names it without its password. */
	public String database() {
		return pool.getJdbcUrl();
	}

	public Result check() {
		Result result = last;
		Instant now = clock.instant();
		if (result == null || !now.isBefore(result.at().plus(KEEP))) {
			result = look(now);
			last = result;
		}
		return result;
	}

	private Result look(Instant now) {
		Properties properties = new Properties();
		properties.putAll(pool.getDataSourceProperties());
		if (pool.getUsername() != null) {
			properties.setProperty("user", pool.getUsername());
		}
		if (pool.getPassword() != null) {
			properties.setProperty("password", pool.getPassword());
		}
		// seconds, PgJDBC's units: connecting, logging in and any answer each get one
		properties.setProperty("connectTimeout", "1");
		properties.setProperty("loginTimeout", "1");
		properties.setProperty("socketTimeout", "1");
		properties.setProperty("ApplicationName", "livelihood-pipeline health");
		try (Connection connection = new org.postgresql.Driver().connect(pool.getJdbcUrl(), properties)) {
			if (connection == null) {
				return new Result(false, "not a PostgreSQL URL: " + pool.getJdbcUrl(), now);
			}
			return connection.isValid(1) ? new Result(true, null, now) : new Result(false, "no answer within 1 s", now);
		}
		catch (SQLException ex) {
			String message = String.valueOf(ex.getMessage()).strip();
			return new Result(false, message.lines().findFirst().orElse(message), now);
		}
	}

}
