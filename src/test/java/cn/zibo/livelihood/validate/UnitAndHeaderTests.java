package cn.zibo.livelihood.validate;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitAndHeaderTests {

	@Test
	void scaledFormsOfTheIndicatorsUnitConvert() {
		assertThat(Unit.factor("万元", "元")).contains(new BigDecimal("10000"));
		assertThat(Unit.factor("亿元", "元")).contains(new BigDecimal("100000000"));
		assertThat(Unit.factor("万人", "人")).contains(new BigDecimal("10000"));
		assertThat(Unit.factor("万平方米", "平方米")).contains(new BigDecimal("10000"));
		assertThat(Unit.factor("千米", "公里")).contains(BigDecimal.ONE);
		assertThat(Unit.factor("km", "公里")).contains(BigDecimal.ONE);
		assertThat(Unit.factor("", "处")).contains(BigDecimal.ONE);
		assertThat(Unit.factor("处", "处")).contains(BigDecimal.ONE);
	}

	@Test
	void otherUnitsAreRefused() {
		assertThat(Unit.factor("个", "处")).isEmpty();
		assertThat(Unit.factor("万户", "人")).isEmpty();
		assertThat(Unit.factor("%", "元")).isEmpty();
	}

	@Test
	void headersIgnoreSpacesWidthAndATrailingUnit() {
		assertThat(HeaderText.of(" 数 值 (万元)")).isEqualTo(new HeaderText("数值", "万元"));
		assertThat(HeaderText.of("完成值（万人）")).isEqualTo(new HeaderText("完成值", "万人"));
		assertThat(HeaderText.of("指标编码")).isEqualTo(new HeaderText("指标编码", ""));
		assertThat(HeaderText.of("ＡＢＣ")).isEqualTo(new HeaderText("ABC", ""));
	}

	@Test
	void statusWordsInChineseOrEnglish() {
		assertThat(Status.parse("推进中")).contains(Status.IN_PROGRESS);
		assertThat(Status.parse("in progress")).contains(Status.IN_PROGRESS);
		assertThat(Status.parse("Done")).contains(Status.DONE);
		assertThat(Status.parse("not_started")).contains(Status.NOT_STARTED);
		assertThat(Status.parse("进行中")).isEmpty();
	}

}
