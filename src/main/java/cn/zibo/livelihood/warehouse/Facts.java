package cn.zibo.livelihood.warehouse;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.validate.Figure;

/** Stages a submission's valid figures and promotes them to facts in one statement. */
@Component
public class Facts {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	Facts(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/** Figures new, changed from the department's previous value, and unchanged. */
	public record Counts(int figuresNew, int figuresUpdated, int figuresUnchanged) {

		public static final Counts NONE = new Counts(0, 0, 0);

		public int loaded() {
			return figuresNew + figuresUpdated + figuresUnchanged;
		}

	}

	/**
	 * Streams figures into staging with PostgreSQL's COPY, on the connection of the caller's
	 * transaction, so that promote sees them and a rollback takes them away. Close it when done
	 * (a copy still open after a failure is cancelled).
	 */
	public Stager stager(long submissionId) {
		return new Stager(submissionId, dataSource);
	}

	public Counts promote(long submissionId, String departmentCode) {
		return jdbc.sql("SELECT figures_new, figures_updated, figures_unchanged FROM warehouse.promote_submission(?, ?)")
			.params(submissionId, departmentCode)
			.query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	public void discard(long submissionId) {
		jdbc.sql("DELETE FROM staging.figure WHERE submission_id = ?").param(submissionId).update();
	}

	/** Sends staged figures through COPY as they come; remembers the periods the submission covers. */
	public static final class Stager implements AutoCloseable {

		private static final String COPY = """
				COPY staging.figure (submission_id, indicator_code, task_no, district_code, period, period_end, value, status,
				                     remark, reported_text, reported_unit, sheet, row_no, column_name) FROM STDIN""";

		/** Characters buffered before they are sent. */
		private static final int CHUNK = 1 << 16;

		/**
		 * From this many figures on, staging's statistics are refreshed before promote: without them
		 * the planner takes the figures for a few hundred and checks each against the warehouse one
		 * by one, where a hash join over a million is several times faster.
		 */
		private static final int ANALYZE_FROM = 10_000;

		private final long submissionId;

		private final DataSource dataSource;

		private final Set<String> periods = new TreeSet<>();

		private final StringBuilder text = new StringBuilder(CHUNK + 1024);

		private Connection connection;

		private CopyIn copy;

		private long staged;

		private Stager(long submissionId, DataSource dataSource) {
			this.submissionId = submissionId;
			this.dataSource = dataSource;
		}

		public void add(Figure f) {
			periods.add(f.period().code());
			CopyText.row(text, submissionId, f);
			staged++;
			if (text.length() >= CHUNK) {
				send();
			}
		}

		/** Sends what is buffered and ends the copy: the figures are then in staging. */
		public void flush() {
			send();
			if (copy != null) {
				try {
					copy.endCopy();
				}
				catch (SQLException ex) {
					throw new DataAccessResourceFailureException("COPY into staging.figure failed", ex);
				}
				finally {
					copy = null;
				}
			}
			if (staged >= ANALYZE_FROM) {
				try (var analyze = connection.createStatement()) {
					analyze.execute("ANALYZE staging.figure");
				}
				catch (SQLException ex) {
					throw new DataAccessResourceFailureException("ANALYZE staging.figure failed", ex);
				}
			}
		}

		public List<String> periods() {
			return List.copyOf(periods);
		}

		@Override
		public void close() {
			try {
				if (copy != null && copy.isActive()) {
					copy.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// the transaction fails and rolls back anyway
			}
			finally {
				copy = null;
				if (connection != null) {
					DataSourceUtils.releaseConnection(connection, dataSource);
					connection = null;
				}
			}
		}

		private void send() {
			if (text.isEmpty()) {
				return;
			}
			try {
				if (copy == null) {
					connection = connection != null ? connection : DataSourceUtils.getConnection(dataSource);
					copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
				}
				byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
				copy.writeToCopy(bytes, 0, bytes.length);
				text.setLength(0);
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("COPY into staging.figure failed", ex);
			}
		}

	}

}
