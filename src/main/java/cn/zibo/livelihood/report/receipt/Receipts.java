package cn.zibo.livelihood.report.receipt;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.ingest.Inbox;
import cn.zibo.livelihood.ingest.InboxWriter;
import cn.zibo.livelihood.ingest.SubmissionReader;
import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.system.Outages;
import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.validate.Figure;

/**
 * Writes the receipt (回执) of a processed submission into its department's inbox folder: a
 * workbook with the summary, every problem and every figure loaded, and a short text version. Both
 * are written outside the inbox and moved into place ({@link InboxWriter}), so a clerk never opens
 * half a receipt and nothing planted in the folder can redirect the write.
 */
@Component
public class Receipts {

	private static final Logger log = LoggerFactory.getLogger(Receipts.class);

	private static final String INCOMPLETE = "回执表格未能完整生成，运维人员已收到通知。完整内容见同名的文本回执（.txt）。";

	private final JdbcClient jdbc;

	private final InboxWriter writer;

	private final String contact;

	Receipts(JdbcClient jdbc, PipelineProperties properties) {
		this.jdbc = jdbc;
		this.writer = new InboxWriter(properties.inbox(), properties.ingest().scratch());
		this.contact = properties.contact();
	}

	/**
	 * Where a receipt was written, as an absolute path (whatever directory the pipeline was started
	 * from), and what went wrong making it, if anything.
	 *
	 * @param failure the technical cause when only a short workbook could be written, else null
	 */
	public record Written(Path workbook, String failure) {
	}

	public Written write(long submissionId) {
		ReceiptContent content = read(submissionId);
		return write(content.folder(), null, Inbox.receiptName(content.fileName(), String.valueOf(submissionId)), content);
	}

	/**
	 * The receipt beside a symbolic link in the inbox, which was neither read nor moved: what a link
	 * is and what to send instead. Nothing about it is recorded in the warehouse, since nothing was
	 * received; the receipt's presence is what marks the link as answered.
	 */
	public Path refuseLink(Inbox.InboxLink link) {
		String message = link.departmentFolder()
				? "“" + link.name() + "”是一个指向其他位置的符号链接（快捷方式），不是真正的文件夹。为安全起见，系统不跟随链接，"
						+ "其中的文件都没有被读取或移动。请在收件箱中建立真正的部门文件夹，把文件本身复制进去后重新报送。"
				: "该文件是一个指向其他位置的符号链接（快捷方式），不是文件本身。为安全起见，系统不跟随链接，"
						+ "链接指向的文件没有被读取或移动。请把文件本身（而不是链接）复制到本文件夹后重新报送。";
		OffsetDateTime now = OffsetDateTime.now();
		ReceiptContent content = new ReceiptContent(0, link.folder(), link.folder(), link.name(), "", now, now, "rejected",
				"all_or_nothing", null, List.of(), 0, 0, 0, 0, 0, 0, null, List.of(), List.of(), List.of(),
				List.of(new ReceiptContent.Error(null, null, null, null, "symbolic_link", message)), null, contact);
		return write(link.departmentFolder() ? null : link.folder(), null, link.receipt().getFileName().toString(), content)
			.workbook();
	}

	/**
	 * A pre-check receipt (预检回执) beside a file that was only checked, not loaded: what would load
	 * and every problem, named so that the inbox never takes it for a submission.
	 */
	public Path writePrecheck(Path folder, String fileName, String department, SubmissionReader.Result result,
			List<Figure> valid, int validCount, CurrentCatalogue.Versioned catalogue) {
		List<ReceiptContent.Loaded> loaded = valid.stream().map(f -> loaded(f, catalogue.catalogue())).toList();
		List<ReceiptContent.Error> errors = result.problems()
			.stream()
			.map(p -> new ReceiptContent.Error(p.sheet(), p.rowNo(), p.column(), p.value(), p.code(), p.message()))
			.toList();
		OffsetDateTime now = OffsetDateTime.now();
		ReceiptContent content = new ReceiptContent(0, folder.getFileName().toString(), department, fileName, "", now, now,
				"precheck", result.partial() ? "partial" : "all_or_nothing", result.sheet(),
				valid.stream().map(f -> f.period().code()).distinct().sorted().toList(), result.figures(), validCount, 0, 0,
				result.invalidFigures(), 0, null, result.reading(), loaded, List.of(), errors, null, contact);
		return write(null, folder, Inbox.receiptName(fileName, "预检"), content).workbook();
	}

	private static ReceiptContent.Loaded loaded(Figure f, Catalogue catalogue) {
		String name = catalogue.indicators().stream().filter(i -> i.code().equals(f.indicatorCode())).findFirst()
			.map(i -> i.name()).orElse("");
		String unit = catalogue.indicators().stream().filter(i -> i.code().equals(f.indicatorCode())).findFirst()
			.map(i -> i.unit()).orElse(null);
		String district = catalogue.districts().stream().filter(d -> d.code().equals(f.districtCode())).findFirst()
			.map(ChineseForms::district).orElse(f.districtCode());
		return new ReceiptContent.Loaded(f.rowNo(), f.indicatorCode(), name, district, f.period().code(), f.value(), unit,
				f.status() == null ? null : f.status().code(), f.remark());
	}

	/**
	 * Both receipt files, the workbook first. A workbook that cannot be made from what the submission
	 * holds (an error nobody foresaw) must not leave the department without an answer: a short
	 * workbook saying so is written instead, the text version stays complete, and the cause is
	 * returned for the operators.
	 */
	private Written write(String folder, Path directory, String stem, ReceiptContent content) {
		String failure = null;
		try {
			Path workbook;
			try {
				workbook = place(folder, directory, stem + ".xlsx", out -> ReceiptWorkbook.write(content, out));
			}
			catch (RuntimeException ex) {
				if (Outages.isOutage(ex)) {
					throw ex;
				}
				log.error("The receipt workbook {}.xlsx could not be made; writing a short one instead", Inbox.printable(stem), ex);
				failure = "receipt workbook: " + Outages.describe(ex);
				ReceiptContent shortened = content.withoutDetails(INCOMPLETE);
				workbook = place(folder, directory, stem + ".xlsx", out -> ReceiptWorkbook.write(shortened, out));
			}
			place(folder, directory, stem + ".txt", out -> out.write(ReceiptPlainText.of(content).getBytes(StandardCharsets.UTF_8)));
			return new Written(workbook, failure);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the receipt " + stem + " into " + (folder == null ? directory : folder), ex);
		}
	}

	private Path place(String folder, Path directory, String name, InboxWriter.Content content) throws IOException {
		return directory == null ? writer.intoFolder(folder, name, content) : writer.into(directory, name, content);
	}

	private ReceiptContent read(long id) {
		// The first MAX_LISTED figures of a large submission by row, chosen by their row and id alone
		// before the names are joined: with the default work_mem the sort would spill every figure of
		// the file to disk to keep 50,000; with this it keeps only those, in memory.
		jdbc.sql("SELECT set_config('work_mem', '32MB', true)").query(String.class).single();
		List<ReceiptContent.Loaded> loaded = jdbc.sql("""
				WITH listed AS (SELECT fact_id FROM warehouse.fact WHERE submission_id = ? ORDER BY row_no, fact_id LIMIT ?)
				SELECT f.row_no, f.indicator_code, i.name,
				       CASE WHEN d.kind IN ('district', 'county') THEN d.name WHEN d.kind = 'city' THEN '全市' ELSE coalesce(d.short_name, d.name) END, f.period, f.value, i.unit, f.status, f.remark
				FROM listed JOIN warehouse.fact f USING (fact_id)
				LEFT JOIN reporting.indicator i ON i.indicator_code = f.indicator_code
				LEFT JOIN reporting.district d ON d.code = f.district_code
				ORDER BY f.row_no, f.fact_id""")
			.params(id, ReceiptContent.MAX_LISTED)
			.query((rs, n) -> new ReceiptContent.Loaded((Integer) rs.getObject(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, BigDecimal.class), rs.getString(7), rs.getString(8),
					rs.getString(9)))
			.list();
		List<ReceiptContent.Withheld> withheld = jdbc.sql("""
				SELECT w.sheet, w.row_no, w.column_name, w.indicator_code, i.name,
				       CASE WHEN d.kind IN ('district', 'county') THEN d.name WHEN d.kind = 'city' THEN '全市' ELSE coalesce(d.short_name, d.name) END, w.period, w.reported_text
				FROM warehouse.withheld_figure w
				LEFT JOIN reporting.indicator i ON i.indicator_code = w.indicator_code
				LEFT JOIN reporting.district d ON d.code = w.district_code
				WHERE w.submission_id = ? ORDER BY w.position""")
			.param(id)
			.query((rs, n) -> new ReceiptContent.Withheld(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
		List<ReceiptContent.Error> errors = jdbc.sql("""
				SELECT sheet, row_no, column_name, value, code, message FROM warehouse.submission_error
				WHERE submission_id = ? ORDER BY row_no NULLS FIRST, error_id""")
			.param(id)
			.query((rs, n) -> new ReceiptContent.Error(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		return jdbc.sql("""
				SELECT s.submission_id, s.inbox_folder, coalesce(d.name, s.inbox_folder), s.file_name, s.sha256, s.received_at,
				       s.processed_at, s.status, s.policy, s.sheet, s.periods, s.figures_total, s.figures_new, s.figures_updated,
				       s.figures_unchanged, s.figures_invalid, s.figures_withheld, s.duplicate_of, s.reading, s.archive_path
				FROM warehouse.submission s LEFT JOIN reporting.department d ON d.code = s.department_code
				WHERE s.submission_id = ?""")
			.param(id)
			.query((rs, n) -> new ReceiptContent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
					rs.getString(8), rs.getString(9), rs.getString(10), Arrays.asList((String[]) rs.getArray(11).getArray()),
					rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16), rs.getInt(17),
					(Long) rs.getObject(18), Arrays.asList((String[]) rs.getArray(19).getArray()), loaded, withheld, errors,
					rs.getString(20), contact))
			.single();
	}

}
