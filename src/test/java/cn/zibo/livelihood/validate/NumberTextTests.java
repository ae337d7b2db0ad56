package cn.zibo.livelihood.validate;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.zibo.livelihood.validate.NumberText.NotANumber;
import cn.zibo.livelihood.validate.NumberText.NotReported;
import cn.zibo.livelihood.validate.NumberText.Number;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTests {

	@ParameterizedTest(name = "{0} reads as {1}")
	@CsvSource(delimiter = '|', textBlock = """
			103          | 103
			2,500        | 2500
			2，500       | 2500
			１２３４      | 1234
			1.63万       | 16300
			21亿         | 2100000000
			3.8          | 3.8
			 65%         | 65
			65％         | 65
			-5           | -5
			12,345,678.5 | 12345678.5
			""")
	void readsTheFormsClerksWrite(String cell, String expected) {
		assertThat(NumberText.read(cell)).isInstanceOfSatisfying(Number.class,
				n -> assertThat(n.value()).isEqualByComparingTo(new BigDecimal(expected)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			103处    | 103       | 处
			1.63万人 | 16300     | 人
			300万元  | 3000000   | 元
			2.5 公里 | 2.5       | 公里
			""")
	void keepsTheUnitWrittenAfterTheNumber(String cell, String value, String unit) {
		assertThat(NumberText.read(cell)).isInstanceOfSatisfying(Number.class, n -> {
			assertThat(n.value()).isEqualByComparingTo(new BigDecimal(value));
			assertThat(n.unitWord()).isEqualTo(unit);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "—", "-", "/", "无", "不适用", "——" })
	void placeholdersMeanNotReportedWhichIsNotZero(String cell) {
		assertThat(NumberText.read(cell)).isInstanceOf(NotReported.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "约一百", "100左右", "103处以上", "1.2.3", "25,00", "十", "abc", "1e5" })
	void neverGuessesANumber(String cell) {
		assertThat(NumberText.read(cell)).isInstanceOf(NotANumber.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "65%", "12.5%" })
	void remembersAPercentSign(String cell) {
		assertThat(NumberText.read(cell)).isInstanceOfSatisfying(Number.class, n -> assertThat(n.percent()).isTrue());
	}

}
