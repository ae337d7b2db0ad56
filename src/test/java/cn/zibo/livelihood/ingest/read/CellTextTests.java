package cn.zibo.livelihood.ingest.read;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import cn.zibo.livelihood.ingest.read.CellText.NumberStyle;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTests {

	@Test
	void numbersAreTheirShortestExactDecimalWithoutExponentOrTrailingZeros() {
		assertThat(CellText.number(2.1e9, NumberStyle.PLAIN, false)).isEqualTo("2100000000");
		assertThat(CellText.number(3.8, NumberStyle.PLAIN, false)).isEqualTo("3.8");
		assertThat(CellText.number(100.0, NumberStyle.PLAIN, false)).isEqualTo("100");
		assertThat(CellText.number(1e-7, NumberStyle.PLAIN, false)).isEqualTo("0.0000001");
		assertThat(CellText.number(-0.0, NumberStyle.PLAIN, false)).isEqualTo("0");
		assertThat(CellText.number("3.7999999999999998", NumberStyle.PLAIN, false)).isEqualTo("3.8");
		assertThat(CellText.number("1.23E+20", NumberStyle.PLAIN, false)).isEqualTo("123000000000000000000");
	}

	@Test
	void percentMovesTheDecimalPointWithoutFloatingPointNoise() {
		assertThat(CellText.number(0.65, NumberStyle.PERCENT, false)).isEqualTo("65%");
		assertThat(CellText.number(0.125, NumberStyle.PERCENT, false)).isEqualTo("12.5%");
		assertThat(CellText.number(0.07, NumberStyle.PERCENT, false)).isEqualTo("7%");
	}

	@Test
	void datesHonourTheWorkbooksDateSystem() {
		double serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), LocalDate.of(2024, 9, 30));

		assertThat(CellText.number(serial, NumberStyle.DATE, false)).isEqualTo("2024-09-30");
		assertThat(CellText.number(serial, NumberStyle.DATE, true)).isEqualTo(LocalDate.of(2024, 9, 30).plusDays(1462).toString());
		assertThat(CellText.number(serial + 0.75, NumberStyle.DATE, false)).isEqualTo("2024-09-30 18:00:00");
		assertThat(CellText.number(0.5, NumberStyle.DATE, false)).isEqualTo("12:00:00");
		assertThat(CellText.number(-1, NumberStyle.DATE, false)).isEqualTo("-1");
	}

	@Test
	void theNumberFormatDecidesPercentAndDateOnly() {
		assertThat(CellText.styleOf(9, "0%")).isEqualTo(NumberStyle.PERCENT);
		assertThat(CellText.styleOf(164, "#,##0.0%;[Red]-#,##0.0%")).isEqualTo(NumberStyle.PERCENT);
		assertThat(CellText.styleOf(164, "0.0\"%\"")).isEqualTo(NumberStyle.PLAIN);
		assertThat(CellText.styleOf(164, "0\\%")).isEqualTo(NumberStyle.PLAIN);
		assertThat(CellText.styleOf(14, "m/d/yy")).isEqualTo(NumberStyle.DATE);
		assertThat(CellText.styleOf(165, "yyyy\"年\"m\"月\"d\"日\"")).isEqualTo(NumberStyle.DATE);
		assertThat(CellText.styleOf(31, null)).isEqualTo(NumberStyle.DATE);
		assertThat(CellText.styleOf(57, "reserved-0x39")).isEqualTo(NumberStyle.DATE);
		assertThat(CellText.styleOf(1, "0")).isEqualTo(NumberStyle.PLAIN);
		assertThat(CellText.styleOf(0, "General")).isEqualTo(NumberStyle.PLAIN);
	}

	@Test
	void ooxmlEscapesOfControlCharactersAreUndone() {
		assertThat(CellText.unescape("行1_x000D_行2_x000a_")).isEqualTo("行1\r行2\n");
		assertThat(CellText.unescape("no_escape")).isEqualTo("no_escape");
	}

}
