package cn.zibo.livelihood.validate;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Converts a reported unit to the indicator's. A reported unit must be the indicator's own or a
 * scaled form of it (元/万元/亿元, 人/万人, 平方米/万平方米, 公里/千米/km …); anything else cannot be
 * converted and the figure is refused rather than guessed.
 */
final class Unit {

	private static final Map<String, String> SAME = Map.of("千米", "公里", "km", "公里", "KM", "公里", "％", "%",
			"平米", "平方米", "m2", "平方米", "㎡", "平方米");

	private Unit() {
	}

	/**
	 * @return the factor that turns a value in {@code reported} into one in {@code indicatorUnit};
	 * empty when it cannot be converted. A blank reported unit means the indicator's own.
	 */
	public static Optional<BigDecimal> factor(String reported, String indicatorUnit) {
		String r = canonical(reported);
		String u = canonical(indicatorUnit);
		if (r.isEmpty() || r.equals(u)) {
			return Optional.of(BigDecimal.ONE);
		}
		if (r.length() > 1 && r.substring(1).equals(u)) {
			switch (r.charAt(0)) {
				case '万':
					return Optional.of(BigDecimal.TEN.pow(4));
				case '亿':
					return Optional.of(BigDecimal.TEN.pow(8));
				case '千':
					return Optional.of(BigDecimal.TEN.pow(3));
				default:
					return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static String canonical(String unit) {
		String key = Text.key(unit);
		return SAME.getOrDefault(key, key);
	}

}
