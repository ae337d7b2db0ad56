package cn.zibo.livelihood.report.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.report.export.ExportColumn.Kind;

/**
 * The columns of a view as an export writes them, read from the database at each export: the view's
 * columns in order (a column the view gains is exported too), each headed by the Chinese term its
 * comment starts with ({@code 序时进度: elapsed share …} heads {@code 序时进度}).
 */
final class ExportColumns {

	private static final Set<String> PERIODS = Set.of("period", "latest_period", "reported_status_period");

	/** Columns holding a code the city office reads in Chinese. */
	private static final Set<String> WORDS = Set.of("status", "kind", "basis", "reported_status");

	private ExportColumns() {
	}

	/** @param title out: the view's own Chinese name, first element */
	static List<ExportColumn> of(JdbcClient jdbc, String view, List<String> title) {
		List<ExportColumn> columns = new ArrayList<>();
		title.add(jdbc.sql("SELECT obj_description(CAST(? AS regclass), 'pg_class')")
			.param("reporting." + view)
			.query(String.class)
			.optional()
			.map(ExportColumns::term)
			.orElse(view));
		jdbc.sql("""
				SELECT a.attname, format_type(a.atttypid, a.atttypmod), col_description(a.attrelid, a.attnum)
				FROM pg_attribute a
				WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped
				ORDER BY a.attnum""")
			.param("reporting." + view)
			.query((RowCallbackHandler) rs -> {
				String name = rs.getString(1);
				String header = rs.getString(3) == null ? name : term(rs.getString(3));
				if (PERIODS.contains(name)) {
					columns.add(new ExportColumn(name, header, Kind.PERIOD));
					columns.add(new ExportColumn(name, header + "代码", Kind.PERIOD_CODE));
				}
				else {
					columns.add(new ExportColumn(name, header, kind(name, rs.getString(2))));
				}
			});
		return columns;
	}

	/** The Chinese term a dictionary entry starts with. */
	private static String term(String comment) {
		int colon = comment.indexOf(": ");
		return colon > 0 ? comment.substring(0, colon) : comment;
	}

	private static Kind kind(String name, String type) {
		if (WORDS.contains(name)) {
			return Kind.WORD;
		}
		if (type.endsWith("[]")) {
			return Kind.ARRAY;
		}
		return switch (type) {
			case "boolean" -> Kind.BOOLEAN;
			case "numeric", "integer", "bigint", "smallint" -> Kind.NUMBER;
			case "date" -> Kind.DATE;
			case "timestamp with time zone" -> Kind.TIMESTAMP;
			default -> Kind.TEXT;
		};
	}

}
