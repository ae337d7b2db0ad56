package cn.zibo.livelihood.ingest.layout;

import java.util.Optional;
import java.util.regex.Pattern;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.validate.HeaderText;
import cn.zibo.livelihood.validate.NumberText;
import cn.zibo.livelihood.validate.PeriodHeading;
import cn.zibo.livelihood.validate.Status;
import cn.zibo.livelihood.validate.Text;

/**
 * What a header cell says: a field (by the department's spellings), a district, a period, or
 * nothing this pipeline reads. A trailing unit in brackets is not part of the label.
 */
final class Labels {

	/** A header cell's meaning; at most one of field, district and period is set. */
	record Label(String text, Field field, District district, PeriodHeading period) {

		boolean meaningful() {
			return field != null || district != null || period != null;
		}

		String unit() {
			return HeaderText.of(text).unit();
		}

	}

	private static final Pattern INDICATOR_CODE = Pattern.compile("^[Tt]\\d{3}-\\d{2}$");

	private final Spellings spellings;

	private final Catalogue catalogue;

	Labels(Spellings spellings, Catalogue catalogue) {
		this.spellings = spellings;
		this.catalogue = catalogue;
	}

	Label of(String text) {
		Optional<Field> field = spellings.fieldOf(text);
		if (field.isPresent()) {
			return new Label(text, field.get(), null, null);
		}
		String key = HeaderText.of(text).key();
		if (key.isEmpty()) {
			return new Label(text, null, null, null);
		}
		Optional<District> district = catalogue.district(key);
		if (district.isPresent()) {
			return new Label(text, null, district.get(), null);
		}
		return new Label(text, null, null, PeriodHeading.parse(key).orElse(null));
	}

	/**
	 * A cell no header holds: a number (other than a year or month written as one), an indicator
	 * code or a status word. A row holding one is data, never part of a header block.
	 */
	static boolean dataLike(String text) {
		if (text.isBlank()) {
			return false;
		}
		String key = Text.key(text);
		if (INDICATOR_CODE.matcher(key).matches() || Status.parse(key).isPresent()) {
			return true;
		}
		return NumberText.read(text) instanceof NumberText.Number && PeriodHeading.parse(key).isEmpty();
	}

}
