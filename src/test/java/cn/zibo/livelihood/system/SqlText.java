package cn.zibo.livelihood.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL script text with everything that is not a statement's own words blanked out: comments
 * (to the end of the line, and nested block comments), string literals and dollar-quoted bodies.
 * Every blanked character becomes a space and every line break stays, so that offsets and line
 * numbers are those of the file; a {@code CREATE VIEW} in a comment or in a function's dynamic SQL
 * is then no definition.
 */
final class SqlText {

	private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

	private SqlText() {
	}

	static String statementsOnly(String sql) {
		StringBuilder out = new StringBuilder(sql);
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			int end;
			if (c == '-' && sql.startsWith("--", i)) {
				end = sql.indexOf('\n', i);
				end = (end < 0) ? sql.length() : end;
			}
			else if (c == '/' && sql.startsWith("/*", i)) {
				end = blockCommentEnd(sql, i);
			}
			else if (c == '\'') {
				end = quotedEnd(sql, i);
			}
			else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
				Matcher tag = DOLLAR_TAG.matcher(sql).region(i, sql.length());
				if (!tag.lookingAt()) {
					i++;
					continue;
				}
				int close = sql.indexOf(tag.group(), tag.end());
				end = (close < 0) ? sql.length() : close + tag.group().length();
			}
			else {
				i++;
				continue;
			}
			blank(out, i, end);
			i = end;
		}
		return out.toString();
	}

	private static int blockCommentEnd(String sql, int start) {
		int depth = 0;
		int i = start;
		while (i < sql.length()) {
			if (sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

	/** The end of a string literal; {@code ''} inside it is a quote, not its end. */
	private static int quotedEnd(String sql, int start) {
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == '\'') {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	private static void blank(StringBuilder out, int from, int to) {
		for (int i = from; i < to; i++) {
			if (out.charAt(i) != '\n') {
				out.setCharAt(i, ' ');
			}
		}
	}

}
