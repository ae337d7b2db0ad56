package cn.zibo.livelihood.ingest.layout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zibo.livelihood.ingest.read.TabularFile;
import cn.zibo.livelihood.ingest.read.TabularFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example workbooks are the forms of {@link ExampleForms}, cell for cell (sheets, hidden sheets,
 * merged cells and every row as read); POI writes the time into a workbook, so bytes are not
 * compared. Rewrite them after changing a form by running {@link ExampleForms#main} (on the test
 * class path, e.g. from the IDE).
 */
class ExampleFormsTests {

	@TempDir
	Path dir;

	@Test
	void theSavedExamplesAreTheFormsAsBuilt() throws Exception {
		for (Map.Entry<String, byte[]> form : ExampleForms.all().entrySet()) {
			Path built = Files.write(dir.resolve(form.getKey()), form.getValue());
			assertThat(content(ExampleForms.FOLDER.resolve(form.getKey()))).as(form.getKey()).isEqualTo(content(built));
		}
	}

	private static List<String> content(Path file) throws Exception {
		List<String> content = new ArrayList<>();
		try (TabularFile table = TabularFiles.open(file)) {
			for (String sheet : table.sheetNames()) {
				content.add(sheet + (table.hidden(sheet) ? " (hidden)" : "") + " " + table.mergedRanges(sheet));
				table.readRows(sheet, row -> content.add(row.rowNo() + ": " + row.cells()));
			}
		}
		return content;
	}

}
