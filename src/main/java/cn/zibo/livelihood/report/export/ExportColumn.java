package cn.zibo.livelihood.report.export;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.zibo.livelihood.report.ViewWords;

/**
 * One column of an export: a column of the view, the Chinese header the data dictionary gives it,
 * and how its values are written for people: codes in Chinese, yes/no as 是/否, times in the
 * server's zone, lists joined with 、. A period is written twice, as people write it and as its code.
 */
record ExportColumn(String name, String header, Kind kind) {

	enum Kind {
		TEXT, WORD, PERIOD, PERIOD_CODE, NUMBER, BOOLEAN, DATE, TIMESTAMP, ARRAY
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** A text or a number (BigDecimal), or null for an empty cell. */
	Object value(ResultSet rs) throws SQLException {
		return switch (kind) {
			case NUMBER -> rs.getBigDecimal(name) == null ? null : plain(rs.getBigDecimal(name));
			case BOOLEAN -> rs.getObject(name) == null ? null : rs.getBoolean(name) ? "是" : "否";
			case WORD -> ViewWords.chinese(rs.getString(name));
			case PERIOD -> rs.getString(name) == null ? null : ViewWords.period(rs.getString(name));
			case DATE -> rs.getObject(name, LocalDate.class) == null ? null : rs.getObject(name, LocalDate.class).toString();
			case TIMESTAMP -> time(rs.getObject(name, OffsetDateTime.class));
			case ARRAY -> joined(rs.getArray(name));
			case TEXT, PERIOD_CODE -> rs.getString(name);
		};
	}

	private static BigDecimal plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static String time(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
	}

	private static String joined(Array array) throws SQLException {
		return array == null ? null
				: Arrays.stream((Object[]) array.getArray()).filter(Objects::nonNull).map(Object::toString)
					.collect(Collectors.joining("、"));
	}

}
