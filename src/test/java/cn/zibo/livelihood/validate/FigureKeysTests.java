package cn.zibo.livelihood.validate;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A figure given twice in one file is caught with the row that gave it first, however many figures the file has. */
class FigureKeysTests {

	@Test
	void aFigureGivenAgainNamesTheRowThatGaveItFirstAmongAHundredThousand() {
		FigureKeys keys = new FigureKeys();
		int row = 2;
		for (int month = 1; month <= 12; month++) {
			for (int indicator = 1; indicator <= 99; indicator++) {
				for (String district : new String[] { "370300", "370302", "370303", "ZB-GXQ" }) {
					for (int year = 2001; year <= 2021; year++) {
						assertThat(keys.putIfAbsent(figure(indicator, district, Period.month(year, month)), row++)).isNull();
					}
				}
			}
		}
		int firstOfJune2010 = keys.putIfAbsent(figure(7, "370303", Period.month(2010, 6)), row++);
		assertThat(keys.putIfAbsent(figure(7, "370303", Period.quarter(2010, 2)), row++)).as("a quarter is another period").isNull();
		assertThat(keys.putIfAbsent(figure(7, "370303", Period.month(2010, 6)), row)).isEqualTo(firstOfJune2010);
		assertThat(firstOfJune2010).isEqualTo(2 + ((6 - 1) * 99 * 4 + (7 - 1) * 4 + 2) * 21 + (2010 - 2001));
	}

	private static Figure figure(int indicator, String district, Period period) {
		return new Figure("s", 1, "数值", String.format("T%03d-01", indicator), indicator, district, period, BigDecimal.ONE, null,
				null, "1", null);
	}

}
