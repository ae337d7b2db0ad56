package cn.zibo.livelihood.catalogue;

/** What a catalogue load did, for the operator. */
public record LoadOutcome(Kind kind, int versionId, Catalogue catalogue) {

	public enum Kind {

		/** The seed files differ from every stored version: a new version was written and is current. */
		CREATED,
		/** The seed files are those of the current version: nothing was written. */
		UNCHANGED,
		/** The seed files are those of an earlier version, which is current again. */
		REACTIVATED

	}

	public String describe() {
		String what = switch (kind) {
			case CREATED -> "loaded as new version " + versionId;
			case UNCHANGED -> "unchanged: seeds match current version " + versionId + ", nothing written";
			case REACTIVATED -> "seeds match earlier version " + versionId + ", which is current again";
		};
		return what + " (" + catalogue.campaigns().size() + " campaigns, " + catalogue.sections().size() + " sections, "
				+ catalogue.tasks().size() + " tasks, " + catalogue.departments().size() + " departments, "
				+ catalogue.districts().size() + " districts, " + catalogue.indicators().size() + " indicators: "
				+ catalogue.targetCount() + " targets + " + catalogue.tasks().size() + " status; seed sha256 "
				+ catalogue.seedSha256().substring(0, 12) + ")";
	}

	/** The same, as the operator's console says it. */
	public String inChinese() {
		String what = switch (kind) {
			case CREATED -> "目录已加载为第" + versionId + "版";
			case UNCHANGED -> "目录未变：来源与现行第" + versionId + "版相同，未写入任何内容";
			case REACTIVATED -> "来源与较早的第" + versionId + "版相同，该版重新成为现行目录";
		};
		return what + "（" + catalogue.campaigns().size() + "项攻坚行动，" + catalogue.sections().size() + "个方面，"
				+ catalogue.tasks().size() + "项任务，" + catalogue.departments().size() + "个部门，"
				+ catalogue.districts().size() + "个区县，" + catalogue.indicators().size() + "个指标：其中"
				+ catalogue.targetCount() + "个目标，" + catalogue.tasks().size() + "个进展状态）";
	}

}
