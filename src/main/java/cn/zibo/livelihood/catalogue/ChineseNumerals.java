package cn.zibo.livelihood.catalogue;

/** Reads the Chinese numerals that number campaigns and sections: 一 … 九十九. */
final class ChineseNumerals {

	private static final String DIGITS = "零一二三四五六七八九";

	private ChineseNumerals() {
	}

	static int parse(String numeral) {
		int ten = numeral.indexOf('十');
		if (ten < 0) {
			return digit(numeral);
		}
		int tens = (ten == 0) ? 1 : digit(numeral.substring(0, ten));
		String rest = numeral.substring(ten + 1);
		return tens * 10 + (rest.isEmpty() ? 0 : digit(rest));
	}

	private static int digit(String s) {
		int value = (s.length() == 1) ? DIGITS.indexOf(s.charAt(0)) : -1;
		if (value < 0) {
			throw new IllegalArgumentException("not a Chinese numeral: " + s);
		}
		return value;
	}

}
