package cn.zibo.livelihood.report.receipt;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything a receipt says about one submission, read from the warehouse.
 *
 * @param reading how the file was read, one {@code 名称：内容} line each (empty when not recorded)
 * @param withheld valid figures not loaded because the file was refused (the first {@link #MAX_LISTED})
 * @param archivePath where the original bytes are kept, or null when the file was not taken
 * @param contact who departments ask, named where the receipt sends them to someone
 */
record ReceiptContent(long submissionId, String folder, String department, String fileName, String sha256,
		OffsetDateTime receivedAt, OffsetDateTime processedAt, String status, String policy, String sheet,
		List<String> periods, int figures, int figuresNew, int figuresUpdated, int figuresUnchanged, int figuresInvalid,
		int figuresWithheld, Long duplicateOf, List<String> reading, List<Loaded> loaded, List<Withheld> withheld,
		List<Error> errors, String archivePath, String contact) {

	/** A receipt lists at most this many loaded figures; the rest are in reporting.indicator_value. */
	static final int MAX_LISTED = 50_000;

	record Loaded(Integer rowNo, String indicatorCode, String indicatorName, String district, String period,
			BigDecimal value, String unit, String status, String remark) {
	}

	record Error(String sheet, Integer rowNo, String column, String value, String code, String message) {
	}

	/** A valid figure of a refused file: where it was, what it said, and what it would have been. */
	record Withheld(String sheet, Integer rowNo, String column, String indicatorCode, String indicatorName, String district,
			String period, String written) {
	}

	/** Why a withheld figure was not loaded, the same for each: the file was refused as a whole. */
	static final String WITHHELD_REASON = "本身无误，但整份文件退回（原因见问题清单），未入库";

	/** The same receipt without its lists: a note, then the file-level problems only. */
	ReceiptContent withoutDetails(String note) {
		List<Error> kept = new java.util.ArrayList<>();
		kept.add(new Error(null, null, null, null, "receipt_incomplete", note));
		errors.stream().filter(e -> e.rowNo() == null).limit(20).forEach(kept::add);
		return new ReceiptContent(submissionId, folder, department, fileName, sha256, receivedAt, processedAt, status, policy,
				sheet, periods, figures, figuresNew, figuresUpdated, figuresUnchanged, figuresInvalid, figuresWithheld,
				duplicateOf, reading, List.of(), List.of(), kept, archivePath, contact);
	}

	int figuresLoaded() {
		return figuresNew + figuresUpdated + figuresUnchanged;
	}

	boolean rejectedWhole() {
		return "rejected".equals(status);
	}

	boolean precheck() {
		return "precheck".equals(status);
	}

}
