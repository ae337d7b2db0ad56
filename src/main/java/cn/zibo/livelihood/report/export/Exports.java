package cn.zibo.livelihood.report.export;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.validate.Period;

/**
 * Exports of one reporting view, filtered, as CSV or XLSX ({@link ExportView}, {@link ExportFilter}).
 * Filters are read and checked before anything is written ({@link #prepare}), so that a mistaken one
 * is a clear refusal ({@link ExportRequestException}), never half a file.
 */
@Component
public class Exports {

	private final JdbcClient jdbc;

	Exports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads the filters as a person gives them: a period as a code or in Chinese (2024Q3,
	 * 2024年第三季度), a district by code, name or short name.
	 *
	 * @param department a department user's department code (only its rows); null for an operator
	 * @throws ExportRequestException naming what cannot be read and how to write it
	 */
	public ExportFilter filter(String period, Integer task, String district, String indicator, String department) {
		Period parsed = null;
		if (present(period)) {
			parsed = Period.parse(period.strip())
				.orElseThrow(() -> new ExportRequestException("报告期 (period) '" + period
						+ "' 无法识别: 请写 2024Q3、2024年第三季度、2024-07、2024H1 或 2024"));
		}
		if (task != null && (task < 1 || task > 113)) {
			throw new ExportRequestException("任务编号 (task) 是 1 到 113, 不是 " + task);
		}
		String districtCode = null;
		if (present(district)) {
			districtCode = jdbc.sql("SELECT code FROM reporting.district WHERE ? IN (code, name, short_name) LIMIT 1")
				.param(district.strip())
				.query(String.class)
				.optional()
				.orElseThrow(() -> new ExportRequestException("区县 (district) '" + district
						+ "' 不在目录中: 请写区县代码、全称或简称, 如 370303、张店区、高新区"));
		}
		return new ExportFilter(parsed, task, districtCode, present(indicator) ? indicator.strip() : null, department);
	}

	/**
	 * Everything an export needs checked before its first byte: the view's columns, that each filter
	 * has a column to filter, and for XLSX that the rows fit one sheet.
	 *
	 * @throws ExportRequestException for a filter the view has no column for, or more rows than a
	 * sheet holds
	 */
	public PreparedExport prepare(ExportView view, ExportFilter filter, ExportFormat format) {
		List<String> title = new ArrayList<>();
		List<ExportColumn> columns = ExportColumns.of(jdbc, view.viewName(), title);
		Query query = query(view, filter, columns);
		if (format == ExportFormat.XLSX) {
			long rows = jdbc.sql("SELECT count(*) FROM (" + query.sql() + ") x").params(query.params()).query(Long.class).single();
			if (rows > XlsxSink.MAX_ROWS) {
				throw new ExportRequestException(rows + " 行超过 Excel 一张工作表的上限 (" + XlsxSink.MAX_ROWS
						+ " rows): 请按报告期、任务或区县筛选, 或导出 CSV");
			}
		}
		return new PreparedExport(jdbc, format, title.get(0), title.get(0) + filter.suffix() + "." + format.extension(),
				columns, query.sql() + " ORDER BY " + view.order(), query.params());
	}

	private record Query(String sql, Map<String, Object> params) {
	}

	private static Query query(ExportView view, ExportFilter filter, List<ExportColumn> columns) {
		List<String> names = columns.stream().map(ExportColumn::name).distinct().toList();
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		params.put("period_end", view.periodAsOf() && filter.period() != null ? Date.valueOf(filter.period().end()) : null);
		if (filter.period() != null && !view.periodAsOf()) {
			where.add(condition(view, names, "period", "报告期", "x.period = :period"));
			params.put("period", filter.period().code());
		}
		if (filter.task() != null) {
			where.add(condition(view, names, "task_no", "任务", "x.task_no = :task"));
			params.put("task", filter.task());
		}
		if (filter.districtCode() != null) {
			where.add(condition(view, names, "district_code", "区县", "x.district_code = :district"));
			params.put("district", filter.districtCode());
		}
		if (filter.indicator() != null) {
			where.add(condition(view, names, "indicator_code", "指标", "x.indicator_code = :indicator"));
			params.put("indicator", filter.indicator());
		}
		if (filter.department() != null) {
			where.add(view.scope() == ExportView.Scope.OWN_DEPARTMENT ? "x.department_code = :department" : """
					x.task_no IN (SELECT l.task_no FROM catalogue.task_lead l
					              WHERE l.version_id = (SELECT version_id FROM catalogue.current_version)
					                AND l.department_code = :department)""");
			params.put("department", filter.department());
		}
		String select = "SELECT " + String.join(", ", names.stream().map(n -> "x." + n).toList()) + " FROM " + view.source()
				+ " x" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
		return new Query(select, params);
	}

	private static String condition(ExportView view, List<String> columns, String column, String what, String sql) {
		if (!columns.contains(column)) {
			throw new ExportRequestException(view.viewName() + " 没有" + what + "列, 不能按" + what + "筛选 (no " + column + ")");
		}
		return sql;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
