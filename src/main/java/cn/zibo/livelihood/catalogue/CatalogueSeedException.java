package cn.zibo.livelihood.catalogue;

import java.util.List;

/** The seed files cannot make a catalogue; carries every problem found, each with file and line. */
class CatalogueSeedException extends RuntimeException {

	private final List<String> problems;

	public CatalogueSeedException(List<String> problems) {
		super(problems.size() + " problem(s) in seeds/ (种子文件):\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
