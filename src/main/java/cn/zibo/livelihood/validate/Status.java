package cn.zibo.livelihood.validate;

import java.util.Locale;
import java.util.Optional;

/** The progress of a task, reported in its {@code T…-00} row. */
public enum Status {

	NOT_STARTED("未启动"), IN_PROGRESS("推进中"), DONE("已完成"), DELAYED("滞后");

	private final String chinese;

	Status(String chinese) {
		this.chinese = chinese;
	}

	public String chinese() {
		return chinese;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Accepts the Chinese words and the English ones (not_started, "in progress", Done …). */
	public static Optional<Status> parse(String cell) {
		String text = Text.key(cell);
		String english = text.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (Status status : values()) {
			if (status.chinese.equals(text) || status.code().equals(english)
					|| status.code().replace("_", "").equals(english.replace("_", ""))) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
