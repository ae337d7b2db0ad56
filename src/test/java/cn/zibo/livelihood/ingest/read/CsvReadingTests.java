package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.zibo.livelihood.ingest.read.Fixtures.raw;
import static cn.zibo.livelihood.ingest.read.Fixtures.bytes;
import static cn.zibo.livelihood.ingest.read.Fixtures.rows;
import static cn.zibo.livelihood.ingest.read.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReadingTests {

	@TempDir
	Path dir;

	@Test
	void utf8WithoutBomIsReadAsWritten() throws Exception {
		Path file = text(dir, "教育局.csv", "任务编号,数值\n2,103\n", StandardCharsets.UTF_8);

		assertThat(rows(file)).containsExactly(new SheetRow("教育局", 1, List.of("任务编号", "数值")),
				new SheetRow("教育局", 2, List.of("2", "103")));
		try (TabularFile table = TabularFiles.open(file)) {
			assertThat(table.hidden("教育局")).as("a CSV file's one sheet is never hidden").isFalse();
		}
	}

	@Test
	void utf8ByteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
		Path file = bytes(dir, "a.csv", raw(0xEF, 0xBB, 0xBF), "任务编号,数值\n".getBytes(StandardCharsets.UTF_8));

		assertThat(rows(file)).extracting(SheetRow::cells).containsExactly(List.of("任务编号", "数值"));
	}

	@Test
	void gb18030AsExcelWritesItOnAChineseSystemIncludingFourByteCharacters() throws Exception {
		Path file = text(dir, "a.csv", "指标名称,备注\n新建长者食堂,𠀀中文\n", CsvEncoding.GB18030);

		assertThat("𠀀".getBytes(CsvEncoding.GB18030)).hasSize(4);
		assertThat(rows(file)).extracting(SheetRow::cells)
			.containsExactly(List.of("指标名称", "备注"), List.of("新建长者食堂", "𠀀中文"));
	}

	@Test
	void utf16LittleEndianWithBomAndTabsIsExcelsUnicodeText() throws Exception {
		Path file = bytes(dir, "a.csv", raw(0xFF, 0xFE),
				"任务编号\t数值\t备注\r\n79\t2,100,000,000\t按期推进\r\n".getBytes(StandardCharsets.UTF_16LE));

		assertThat(rows(file)).extracting(SheetRow::cells)
			.containsExactly(List.of("任务编号", "数值", "备注"), List.of("79", "2,100,000,000", "按期推进"));
	}

	@Test
	void utf16BigEndianWithBomIsRead() throws Exception {
		Path file = bytes(dir, "a.csv", raw(0xFE, 0xFF), "区县,数值\n张店区,5\n".getBytes(StandardCharsets.UTF_16BE));

		assertThat(rows(file)).extracting(SheetRow::cells).containsExactly(List.of("区县", "数值"), List.of("张店区", "5"));
	}

	@Test
	void semicolonsAreTheSeparatorWhenEveryLineUsesThem() throws Exception {
		Path file = text(dir, "a.csv", "区县;数值\n张店区;1,5\n淄川区;2,25\n", StandardCharsets.UTF_8);

		assertThat(rows(file)).extracting(SheetRow::cells)
			.containsExactly(List.of("区县", "数值"), List.of("张店区", "1,5"), List.of("淄川区", "2,25"));
	}

	@Test
	void aQuotedFieldWithANewlineMakesLaterRecordsStartOnLaterLines() throws Exception {
		Path file = text(dir, "a.csv", "任务编号,备注\n2,\"第一行\n第二行\"\n3,完成\n", StandardCharsets.UTF_8);

		assertThat(rows(file)).containsExactly(new SheetRow("a", 1, List.of("任务编号", "备注")),
				new SheetRow("a", 2, List.of("2", "第一行\n第二行")), new SheetRow("a", 4, List.of("3", "完成")));
	}

	@Test
	void crlfLineEndsLeaveNoCarriageReturnInCells() throws Exception {
		Path file = text(dir, "a.csv", "a,b\r\nc,d\r\n", StandardCharsets.UTF_8);

		assertThat(rows(file)).containsExactly(new SheetRow("a", 1, List.of("a", "b")),
				new SheetRow("a", 2, List.of("c", "d")));
	}

	@Test
	void blankLinesAndEmptyRecordsAreSkippedButStillCounted() throws Exception {
		Path file = text(dir, "a.csv", "标题,,\n\n,,\n,,x\n", StandardCharsets.UTF_8);

		assertThat(rows(file)).containsExactly(new SheetRow("a", 1, List.of("标题")),
				new SheetRow("a", 4, List.of("", "", "x")));
	}

	@Test
	void anUnterminatedQuoteIsRejectedWithTheLineItStartsOnAfterTheRowsBeforeIt() throws Exception {
		Path file = text(dir, "a.csv", "a,b\nc,\"d\ne,f\n", StandardCharsets.UTF_8);
		List<SheetRow> delivered = new ArrayList<>();

		try (TabularFile table = TabularFiles.open(file)) {
			assertThatThrownBy(() -> table.readRows("a", delivered::add)).isInstanceOfSatisfying(
					UnreadableFileException.class, ex -> {
						assertThat(ex.code()).isEqualTo("corrupt_file");
						assertThat(ex.chineseMessage()).contains("第2行", "引号");
						assertThat(ex.getMessage()).contains("line 2", "a.csv");
					});
		}
		assertThat(delivered).extracting(SheetRow::rowNo).containsExactly(1);
	}

	@Test
	void aNulCharacterIsRejectedRatherThanPassedOn() throws Exception {
		Path file = text(dir, "a.csv", "任务编号,数值,备注\n2,103,\0\n3,5,按期\n", StandardCharsets.UTF_8);

		assertThatThrownBy(() -> rows(file)).isInstanceOfSatisfying(UnreadableFileException.class,
				ex -> assertThat(ex.chineseMessage()).contains("第2行", "空字符"));
	}

	@Test
	void aFirstCellStartingWithALessThanSignIsStillCsvNotMarkup() throws Exception {
		Path file = text(dir, "a.csv", "<5万,>3\n", StandardCharsets.UTF_8);

		assertThat(rows(file)).extracting(SheetRow::cells).containsExactly(List.of("<5万", ">3"));
	}

	@Test
	void anEmptyFileIsRejected() throws Exception {
		Path file = bytes(dir, "a.csv");

		assertThatThrownBy(() -> TabularFiles.open(file)).isInstanceOfSatisfying(UnreadableFileException.class, ex -> {
			assertThat(ex.code()).isEqualTo("empty_file");
			assertThat(ex.chineseMessage()).contains("空");
		});
	}

	@Test
	void aFileWithOnlyAByteOrderMarkAndBlankLinesIsEmpty() throws Exception {
		Path file = bytes(dir, "a.csv", raw(0xEF, 0xBB, 0xBF), "\r\n  \r\n".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> TabularFiles.open(file)).isInstanceOfSatisfying(UnreadableFileException.class,
				ex -> assertThat(ex.code()).isEqualTo("empty_file"));
	}

	@Test
	void theOneSheetIsNamedAfterTheFileAndHasNoMergedRanges() throws Exception {
		Path file = text(dir, "市教育局.2024Q3.csv", "a\n", StandardCharsets.UTF_8);

		try (TabularFile table = TabularFiles.open(file)) {
			assertThat(table.sheetNames()).containsExactly("市教育局.2024Q3");
			assertThat(table.mergedRanges("市教育局.2024Q3")).isEmpty();
		}
	}

	@Test
	void readingStopsWhenTheConsumerSaysSo() throws Exception {
		Path file = text(dir, "a.csv", "1\n2\n3\n", StandardCharsets.UTF_8);
		List<SheetRow> delivered = new ArrayList<>();

		try (TabularFile table = TabularFiles.open(file)) {
			table.readRows("a", row -> delivered.add(row) && row.rowNo() < 2);
		}
		assertThat(delivered).extracting(SheetRow::rowNo).containsExactly(1, 2);
	}

}
