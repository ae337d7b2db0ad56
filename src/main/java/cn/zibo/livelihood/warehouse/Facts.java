package cn.zibo.livelihood.warehouse;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads a submission's valid figures as facts, streaming, inside the caller's transaction. */
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
	 * Starts loading a submission: figures go into the warehouse while the file is still being read,
	 * and are kept or undone once it is judged. Close the loader when done.
	 */
	public FactLoader loader(long submissionId, String departmentCode) {
		return new FactLoader(submissionId, departmentCode, dataSource, jdbc);
	}

}
