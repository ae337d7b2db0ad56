package cn.zibo.livelihood.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.Indicator;
import cn.zibo.livelihood.validate.Entry.Cell;

/**
 * Finds the indicator an entry reports: by code; else by name within its task (or, without a task,
 * by a name only one indicator has); else, for a task and a status word, the task's {@code -00}.
 */
final class IndicatorLookup {

	private final Catalogue catalogue;

	private final Map<String, Indicator> codes = new HashMap<>();

	private final Memo<String> codeKeys = new Memo<>(text -> Text.key(text).toUpperCase(Locale.ROOT));

	IndicatorLookup(Catalogue catalogue) {
		this.catalogue = catalogue;
		catalogue.indicators().forEach(i -> codes.putIfAbsent(i.code(), i));
	}

	Optional<Indicator> find(Entry e, Messages say) {
		Integer task = task(e.task(), say);
		if (task == null && !e.task().isBlank()) {
			return Optional.empty();
		}
		Optional<Indicator> found;
		if (!e.indicatorCode().isBlank()) {
			String code = codeKeys.get(e.indicatorCode().text());
			found = byCode(code);
			if (found.isEmpty()) {
				say.problem(e.indicatorCode(), "unknown_indicator", "指标编码“" + e.indicatorCode().text()
						+ "”不在任务清单的指标目录中。请核对编码（形如T002-01；任务进展为T002-00）");
				return found;
			}
		}
		else if (!e.indicatorName().isBlank()) {
			found = byName(e, task, say);
			if (found.isEmpty()) {
				return found;
			}
		}
		else if (task != null && Status.parse(e.value().text()).isPresent()) {
			found = byCode(Indicator.code(task, 0));
		}
		else {
			if (!e.value().isBlank() && NumberText.read(e.value().text()) instanceof NumberText.Number) {
				say.problem(Cell.NONE, "missing_indicator", "有数值但没有填写指标编码或指标名称。请填写指标编码（如T002-01）或指标名称");
			}
			else if (task != null && !e.value().isBlank()) {
				say.problem(e.value(), "missing_indicator", "值“" + e.value().text() + "”既不是数字也不是任务进展状态，该行又只填写了任务编号，"
						+ "没有指标编码或指标名称。请填写指标编码（如T002-01），任务进展行请填写未启动、推进中、已完成、滞后之一");
			}
			return Optional.empty();
		}
		if (task != null && found.get().taskNo() != task) {
			say.problem(e.task(), "task_mismatch", "任务编号" + task + "与指标" + found.get().code() + "（属于任务"
					+ found.get().taskNo() + "）不一致。请核对任务编号或指标编码");
			return Optional.empty();
		}
		return found;
	}

	private Integer task(Cell cell, Messages say) {
		if (cell.isBlank()) {
			return null;
		}
		String text = Text.key(cell.text()).replaceAll("^第?(\\d+)项?$", "$1").replaceAll("\\.0$", "");
		if (text.matches("\\d{1,3}")) {
			int no = Integer.parseInt(text);
			if (no >= 1 && no <= catalogue.tasks().size()) {
				return no;
			}
		}
		say.problem(cell, "unknown_task", "任务编号“" + cell.text() + "”不存在。任务编号为1至" + catalogue.tasks().size() + "的整数");
		return null;
	}

	private Optional<Indicator> byCode(String code) {
		return Optional.ofNullable(codes.get(code));
	}

	private Optional<Indicator> byName(Entry e, Integer task, Messages say) {
		String key = Text.key(e.indicatorName().text());
		List<Indicator> matches = catalogue.indicators()
			.stream()
			.filter(i -> task == null || i.taskNo() == task)
			.filter(i -> Text.key(i.name()).equals(key))
			.toList();
		if (matches.size() == 1) {
			return Optional.of(matches.get(0));
		}
		if (matches.isEmpty()) {
			List<String> names = catalogue.indicators()
				.stream()
				.filter(i -> task != null && i.taskNo() == task)
				.map(i -> i.code() + " " + i.name())
				.toList();
			say.problem(e.indicatorName(), "unknown_indicator", "指标名称“" + e.indicatorName().text() + "”"
					+ (task == null ? "不在指标目录中" : "不是任务" + task + "的指标（该任务的指标有：" + String.join("；", names) + "）")
					+ "。请使用目录中的指标名称或填写指标编码");
		}
		else {
			say.problem(e.indicatorName(), "ambiguous_indicator", "指标名称“" + e.indicatorName().text()
					+ "”对应多个任务的指标。请同时填写任务编号，或改填指标编码");
		}
		return Optional.empty();
	}

}
