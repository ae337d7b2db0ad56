package cn.zibo.livelihood.ops;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.springframework.core.env.Environment;

import cn.zibo.livelihood.system.DatabaseUnreachableException;

/**
 * When a command failed because its database could not be reached, the one line that says so: which
 * database, what happened, what to do. An operator then sees that line, not a stack trace of a
 * hundred lines; the trace is in the log file.
 */
final class UnreachableDatabase {

	private UnreachableDatabase() {
	}

	/** @param environment the command's settings, or null when Spring did not get as far as reading them */
	static Optional<String> describe(Throwable failure, Environment environment) {
		Throwable connection = null;
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DatabaseUnreachableException unreachable) {
				return Optional.of(unreachable.getMessage() + details(environment));
			}
			if (connection == null && isConnectionFailure(t)) {
				connection = t;
			}
		}
		if (connection == null) {
			return Optional.empty();
		}
		return Optional.of("无法连接数据库 " + database(environment) + "：" + firstLine(connection.getMessage())
				+ " 请在 PostgreSQL 运行并接受连接后重新运行本命令。" + details(environment));
	}

	/** PostgreSQL's connection errors are SQLSTATE class 08; the pool's wait ends with a transient one. */
	private static boolean isConnectionFailure(Throwable t) {
		if (t instanceof SQLException sql) {
			return sql instanceof SQLTransientConnectionException
					|| (sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
		}
		return t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
				|| t instanceof SocketTimeoutException;
	}

	private static String database(Environment environment) {
		if (environment == null) {
			return "（未读取到设置）";
		}
		String url = environment.getProperty("spring.datasource.url", "");
		if (!url.isBlank()) {
			return url;
		}
		return "嵌入式数据库（数据目录 " + environment.getProperty("etl.embedded.data-directory", "var/pgdata") + "）";
	}

	private static String details(Environment environment) {
		String file = environment == null ? null : environment.getProperty("logging.file.name");
		return file == null || file.isBlank() ? "" : "详细信息见 " + file;
	}

	private static String firstLine(String message) {
		String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
		return line.endsWith(".") ? line : line + ".";
	}

}
