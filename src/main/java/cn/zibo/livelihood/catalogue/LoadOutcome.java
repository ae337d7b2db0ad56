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

}
