package cn.zibo.livelihood.system;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database or the machine (the connection lost, the server shutting down, the
 * disk full) from a failure of the work in hand. The first is nobody's file's fault: the work waits
 * and is done again once the database is back. The second belongs to the file being processed.
 */
public final class Outages {

	private Outages() {
	}

	public static boolean isOutage(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof CannotCreateTransactionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				// 08: connection exception; 57P: operator intervention (shutdown); 53: insufficient resources
				if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
					return true;
				}
			}
		}
		return false;
	}

	/** One line for the operator: each exception of the chain with its message, the first five at most. */
	public static String describe(Throwable failure) {
		StringBuilder line = new StringBuilder();
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 5; t = t.getCause() == t ? null : t.getCause(), depth++) {
			line.append(depth == 0 ? "" : "; caused by ").append(t.getClass().getName()).append(": ").append(t.getMessage());
		}
		return line.toString();
	}

}
