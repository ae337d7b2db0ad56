package cn.zibo.livelihood.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.core.Utils;

/**
 * The statements that make a role a reader of the reporting views and nothing else, run in one
 * transaction of the caller's. Views read the warehouse with their owner's rights, so SELECT on them
 * is all a reader needs; everything else is revoked at every start, in case it was ever granted.
 */
final class ReaderGrants {

	/** Schemas a reader gets nothing of. */
	static final List<String> CLOSED = List.of("catalogue", "staging", "warehouse", "batch", "quartz", "public");

	/** What was done to the role. */
	enum Outcome {
		CREATED, UPDATED, GRANTED, ABSENT
	}

	private ReaderGrants() {
	}

	static Outcome apply(Connection connection, PipelineProperties.Reader reader) throws SQLException {
		String role = Utils.escapeIdentifier(null, reader.name()).toString();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_xact_lock(hashtext('reporting reader role'))");
		}
		boolean exists = refuseMightier(connection, reader.name());
		Outcome outcome = exists ? Outcome.GRANTED : Outcome.ABSENT;
		if (reader.managed()) {
			if (!exists && create(connection, role)) {
				outcome = Outcome.CREATED;
			}
			else {
				execute(connection, "ALTER ROLE " + role + " LOGIN");
				outcome = Outcome.UPDATED;
			}
			// hashed here (SCRAM), so that the password itself never reaches the server or its logs
			connection.unwrap(PGConnection.class).alterUserPassword(reader.name(), reader.password().toCharArray(),
					"scram-sha-256");
			execute(connection, "ALTER ROLE " + role + " SET default_transaction_read_only = on");
		}
		if (outcome == Outcome.ABSENT) {
			return outcome;
		}
		String database = Utils.escapeIdentifier(null, connection.getCatalog()).toString();
		execute(connection, "GRANT CONNECT ON DATABASE " + database + " TO " + role);
		execute(connection, "GRANT USAGE ON SCHEMA reporting TO " + role);
		execute(connection, "REVOKE CREATE ON SCHEMA reporting FROM " + role);
		execute(connection, "GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO " + role);
		execute(connection, "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA reporting FROM "
				+ role);
		String closed = String.join(", ", CLOSED);
		execute(connection, "REVOKE ALL ON SCHEMA " + closed + " FROM " + role);
		execute(connection, "REVOKE ALL ON ALL TABLES IN SCHEMA " + closed + " FROM " + role);
		execute(connection, "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + closed + " FROM " + role);
		return outcome;
	}

	/**
	 * Whether the role exists; refuses one that may do more than read (a superuser, a member of
	 * another role, the pipeline's own user), which a mistaken name would otherwise turn into one.
	 */
	private static boolean refuseMightier(Connection connection, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT r.rolname = current_user, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls,
				       ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
				             WHERE m.member = r.oid ORDER BY 1)
				FROM pg_roles r WHERE r.rolname = ?""")) {
			query.setString(1, name);
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					return false;
				}
				List<String> more = new ArrayList<>();
				String[] powers = { "it is the pipeline's own user", "superuser", "createrole", "createdb", "replication",
						"bypassrls" };
				for (int i = 0; i < powers.length; i++) {
					if (rs.getBoolean(i + 1)) {
						more.add(powers[i]);
					}
				}
				String[] memberOf = (String[]) rs.getArray(7).getArray();
				if (memberOf.length > 0) {
					more.add("member of " + String.join(", ", memberOf));
				}
				if (!more.isEmpty()) {
					throw new IllegalStateException("etl.reporting.reader.name names the role '" + name
							+ "', which may do more than read (" + String.join("; ", more)
							+ "); name a role of its own for reporting tools");
				}
				return true;
			}
		}
	}

	/** @return false when another pipeline process created it at the same moment */
	private static boolean create(Connection connection, String role) throws SQLException {
		Savepoint before = connection.setSavepoint();
		try {
			execute(connection, "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
			connection.releaseSavepoint(before);
			return true;
		}
		catch (SQLException ex) {
			if (!"42710".equals(ex.getSQLState())) {
				throw ex;
			}
			connection.rollback(before);
			return false;
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
