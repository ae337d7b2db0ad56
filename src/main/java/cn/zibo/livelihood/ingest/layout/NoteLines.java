package cn.zibo.livelihood.ingest.layout;

import java.util.regex.Pattern;

import cn.zibo.livelihood.ingest.read.SheetRow;
import cn.zibo.livelihood.validate.Text;

/**
 * The notes statistics forms carry below their data: the unit that filled it in ({@code 填报单位（盖章）：},
 * with a colon, since 填报单位 alone is a column's name), who filled in and checked the form, a
 * phone number, the date of issue, and remarks ({@code 注:…}). The first such line ends the data: it and
 * everything under it are neither figures nor problems.
 */
final class NoteLines {

	private static final Pattern NOTE = Pattern.compile("^(?:(?:填表人|填报人|制表人|联系人|联系电话|电话|审核人|复核人|单位负责人|统计负责人|负责人"
			+ "|报出日期|填报日期|填表日期|制表日期)(?:$|:)|填报单位(?:\\(盖章\\))?:|注[0-9一二三四五六七八九十]*[:、.]|(?:说明|备注)[0-9一二三四五六七八九十]*:)");

	private NoteLines() {
	}

	/** A row whose first written cell begins a note, e.g. 填表人:张三 or 注:1.本表… */
	static boolean isNote(SheetRow row) {
		for (String cell : row.cells()) {
			if (!cell.isBlank()) {
				return NOTE.matcher(Text.key(cell)).find();
			}
		}
		return false;
	}

}
