package cn.zibo.livelihood.ingest.layout;

import java.util.List;

import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.ingest.layout.TitleLines.UnitLine;
import cn.zibo.livelihood.ingest.read.MergedRange;
import cn.zibo.livelihood.validate.Period;

/**
 * Where the data of one sheet is and how to read it: its header, its merged cells, and what rows
 * lacking a period or district take: the sheet's name, its title, the file's name, or the mapping.
 */
public final class SheetLayout {

	/** A period or district for rows that lack one, and where it was found, in Chinese (标题行, 文件名 …). */
	record Default<T>(T value, String from) {
	}

	private final String sheet;

	private final Header header;

	private final List<MergedRange> merged;

	private final String title;

	private final UnitLine unitLine;

	private final Default<Period> period;

	private final Default<District> district;

	SheetLayout(String sheet, Header header, List<MergedRange> merged, String title, UnitLine unitLine,
			Default<Period> period, Default<District> district) {
		this.sheet = sheet;
		this.header = header;
		this.merged = List.copyOf(merged);
		this.title = title;
		this.unitLine = unitLine;
		this.period = period;
		this.district = district;
	}

	public String sheet() {
		return sheet;
	}

	Header header() {
		return header;
	}

	List<MergedRange> merged() {
		return merged;
	}

	String title() {
		return title;
	}

	/** The unit line, when it is the value's unit: the file has no unit column. */
	UnitLine unitLine() {
		return header.fields().containsKey(Field.UNIT) ? null : unitLine;
	}

	/** The unit line as found, whether or not it is used. */
	UnitLine unitLineFound() {
		return unitLine;
	}

	Default<Period> period() {
		return period;
	}

	Default<District> district() {
		return district;
	}

	/** 按行, 各区县一列 or 各期一列, as the receipt names the layout. */
	String kind() {
		if (header.valueColumn()) {
			return "按行";
		}
		boolean periods = header.values().stream().anyMatch(v -> v.period() != null);
		boolean districts = header.values().stream().anyMatch(v -> v.district() != null);
		return periods ? (districts ? "各期一列（每期下各区县一列）" : "各期一列") : "各区县一列";
	}

}
