package cn.zibo.livelihood.ops.text;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTests {

	@Test
	void chineseCharactersAndFullWidthPunctuationTakeTwoColumns() {
		assertThat(DisplayWidth.of("市教育局")).isEqualTo(8);
		assertThat(DisplayWidth.of("T002-01")).isEqualTo(7);
		assertThat(DisplayWidth.of("（全市），")).isEqualTo(10);
		assertThat(DisplayWidth.of("≥50,000")).isEqualTo(7);
	}

	@Test
	void columnsLineUpByDisplayWidthWithChineseAndLatinTextMixed() {
		List<String> lines = new TextTable().right("编号").left("部门").left("结果").right("入库").left("文件")
			.row(7, "市教育局", "已入库", "12,500", "a.csv")
			.row(12, "市人力资源社会保障局", "未入库", "0", "报表.xlsx")
			.row(1234, "edu", "loaded", "3", "x")
			.lines();

		assertThat(lines).hasSize(4);
		for (String column : List.of("部门", "结果", "文件")) {
			int at = Columns.startOf(lines.get(0), column);
			assertThat(lines.subList(1, 4)).as(column).allSatisfy(line -> assertThat(Columns.cellStartsAt(line, at)).isTrue());
		}
		int numbersEnd = Columns.startOf(lines.get(0), "入库") + DisplayWidth.of("入库");
		assertThat(List.of("12,500", "0", "3")).as("right-aligned: every number ends where the header does")
			.allSatisfy(n -> assertThat(lines.stream().anyMatch(l -> l.contains(n + "  ")
					&& Columns.startOf(l, n + "  ") + DisplayWidth.of(n) == numbersEnd)).isTrue());
		assertThat(lines.get(1)).endsWith("12,500  a.csv");
		assertThat(lines.get(2)).as("numbers right-aligned").contains("     0  报表.xlsx");
	}

	@Test
	void numbersAreGroupedByThousandsWithTheirOwnDecimals() {
		assertThat(Words.number(new BigDecimal("1980000000"))).isEqualTo("1,980,000,000");
		assertThat(Words.number(new BigDecimal("12500.50"))).isEqualTo("12,500.5");
		assertThat(Words.number(new BigDecimal("3.8"))).isEqualTo("3.8");
		assertThat(Words.number(42000L)).isEqualTo("42,000");
	}

	@Test
	void codesReachPeopleAsChineseWords() {
		assertThat(Words.job("ingestJob")).isEqualTo("数据接收");
		assertThat(Words.runStatus("COMPLETED")).isEqualTo("已完成");
		assertThat(Words.submissionStatus("rejected")).isEqualTo("未入库");
		assertThat(Words.submissionStatus("something_new")).as("unknown codes are shown, not hidden").isEqualTo("something_new");
	}

}
