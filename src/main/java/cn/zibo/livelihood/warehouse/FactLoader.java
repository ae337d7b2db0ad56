package cn.zibo.livelihood.warehouse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

import cn.zibo.livelihood.validate.Figure;

/**
 * Loads one submission's figures into {@code warehouse.fact} while its file is read, on the
 * connection of the caller's transaction, after a savepoint: PostgreSQL inserts (heap, indexes) on
 * one core while the file is read and checked on the other. A file is judged only once read, so
 * the loader either {@linkplain #keep keeps} what it loaded or {@linkplain #undo undoes} it.
 * <p>
 * A figure for a period one of the department's loaded submissions holds cannot go in at once: the
 * department's current facts of that period must first be superseded (one current fact per
 * department, indicator, district and period). Such figures wait in a scratch file, in COPY's text
 * format; {@link #keep} copies them into staging and promotes them with
 * {@code warehouse.promote_submission} (R__submissions.sql), which compares them with the current
 * facts, supersedes the department's facts of those periods and inserts them, all in set statements.
 * Figures for new periods, the bulk of a large first submission, stream straight in. Either way
 * {@code keep} ends with the fold: the consolidated values of every key touched, recomputed once.
 */
public final class FactLoader implements AutoCloseable {

	private static final String COPY = "COPY warehouse.fact (" + CopyText.FACT_COLUMNS + ") FROM STDIN";

	private static final String COPY_STAGING = "COPY staging.figure (" + CopyText.STAGING_COLUMNS + ") FROM STDIN";

	/**
	 * From this many waiting figures on, staging's statistics are refreshed before promote: without
	 * them the planner takes the figures for a few hundred and checks each against the warehouse one
	 * by one, where a hash join over a million is several times faster.
	 */
	private static final int ANALYZE_FROM = 10_000;

	/**
	 * The first key of the advisory lock ({@code pg_advisory_xact_lock(int, int)}, the second the
	 * department's hash) held from the loader's start to the end of the transaction.
	 */
	private static final int DEPARTMENT_LOCK = 113_002;

	/** Characters gathered before they are sent. */
	private static final int CHUNK = 1 << 16;

	private final long submissionId;

	private final String department;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Connection connection;

	private final Savepoint before;

	/** Periods the department's loaded submissions hold: all it has current facts for, and maybe more. */
	private final Set<String> existing;

	private final Set<String> periods = new TreeSet<>();

	private final StringBuilder text = new StringBuilder(CHUNK + 1024);

	private CopyIn copy;

	private int direct;

	private Path waitingFile;

	private Writer waiting;

	private int waitingCount;

	FactLoader(long submissionId, String department, DataSource dataSource, JdbcClient jdbc) {
		this.submissionId = submissionId;
		this.department = department;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.connection = DataSourceUtils.getConnection(dataSource);
		try {
			if (connection.getAutoCommit()) {
				throw new IllegalStateException("loading a submission needs a transaction");
			}
			this.before = connection.setSavepoint();
		}
		catch (SQLException ex) {
			DataSourceUtils.releaseConnection(connection, dataSource);
			throw new DataAccessResourceFailureException("cannot set a savepoint before loading", ex);
		}
		// One department's loads take turns whoever schedules them, since its current facts are kept
		// one per key by this loader and the promotion, not by an index.
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?, hashtext(?))").params(DEPARTMENT_LOCK, department)
			.query(Integer.class)
			.single();
		this.existing = new HashSet<>(jdbc.sql("""
				SELECT DISTINCT unnest(periods) FROM warehouse.submission WHERE department_code = ? AND status = 'loaded'""")
			.param(department)
			.query(String.class)
			.list());
	}

	public void add(Figure f) {
		String period = f.period().code();
		periods.add(period);
		if (existing.contains(period)) {
			wait(f);
			return;
		}
		CopyText.row(text, submissionId, department, f);
		direct++;
		if (text.length() >= CHUNK) {
			send();
		}
	}

	/** The periods of the figures added. */
	public List<String> periods() {
		return List.copyOf(periods);
	}

	/** Sends what is gathered and ends the copy: every figure of a new period is then in. */
	public void flush() {
		send();
		if (copy != null) {
			try {
				copy.endCopy();
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("COPY into warehouse.fact failed", ex);
			}
			finally {
				copy = null;
			}
		}
	}

	/**
	 * Makes the loaded figures the department's current facts: its earlier facts for the periods
	 * the submission covers are superseded (kept, not current), the waiting figures go in, an
	 * earlier submission left with no current fact becomes 'superseded', and the consolidated values
	 * of the keys touched are recomputed.
	 */
	public Facts.Counts keep() {
		flush();
		if (waitingCount > 0) {
			copyWaiting();
			if (waitingCount >= ANALYZE_FROM) {
				jdbc.sql("ANALYZE staging.figure").update();
			}
		}
		Facts.Counts waited = jdbc.sql("SELECT figures_new, figures_updated, figures_unchanged FROM warehouse.promote_submission(?, ?)")
			.params(submissionId, department)
			.query((rs, n) -> new Facts.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
		return new Facts.Counts(direct + waited.figuresNew(), waited.figuresUpdated(), waited.figuresUnchanged());
	}

	/** Takes back everything loaded: the warehouse is as it was before the loader started. */
	public void undo() {
		cancel();
		try {
			connection.rollback(before);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("cannot roll back to the savepoint before loading", ex);
		}
	}

	@Override
	public void close() {
		try {
			cancel();
			closeWaiting();
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void send() {
		if (text.isEmpty()) {
			return;
		}
		try {
			if (copy == null) {
				copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			}
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			text.setLength(0);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("COPY into warehouse.fact failed", ex);
		}
	}

	private void wait(Figure f) {
		StringBuilder line = new StringBuilder(128);
		CopyText.row(line, submissionId, null, f);
		try {
			if (waiting == null) {
				waitingFile = Files.createTempFile("submission-" + submissionId + "-", ".copy");
				waiting = new BufferedWriter(Files.newBufferedWriter(waitingFile, StandardCharsets.UTF_8), CHUNK);
			}
			waiting.append(line);
			waitingCount++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep figures waiting in " + waitingFile, ex);
		}
	}

	private void copyWaiting() {
		try {
			waiting.close();
			waiting = null;
			try (InputStream in = Files.newInputStream(waitingFile)) {
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGING, in, CHUNK);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the figures waiting in " + waitingFile, ex);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("COPY into staging.figure failed", ex);
		}
	}

	private void cancel() {
		try {
			if (copy != null && copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// the caller's transaction fails and rolls back anyway
		}
		finally {
			copy = null;
		}
	}

	private void closeWaiting() {
		try {
			if (waiting != null) {
				waiting.close();
			}
			if (waitingFile != null) {
				Files.deleteIfExists(waitingFile);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			waiting = null;
		}
	}

}
