package cn.zibo.livelihood.report.receipt;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Everything a receipt says about one submission, read from the warehouse. */
record ReceiptContent(long submissionId, String folder, String department, String fileName, String sha256,
		OffsetDateTime receivedAt, OffsetDateTime processedAt, String status, String policy, String sheet,
		List<String> periods, int figures, int figuresNew, int figuresUpdated, int figuresUnchanged, int figuresInvalid,
		int figuresWithheld, Long duplicateOf, List<Loaded> loaded, List<Error> errors) {

	/** A receipt lists at most this many loaded figures; the rest are in reporting.indicator_value. */
	static final int MAX_LISTED = 50_000;

	record Loaded(Integer rowNo, String indicatorCode, String indicatorName, String district, String period,
			BigDecimal value, String unit, String status, String remark) {
	}

	record Error(String sheet, Integer rowNo, String column, String value, String code, String message) {
	}

	/** The same receipt without its lists: a note, then the file-level problems only. */
	ReceiptContent withoutDetails(String note) {
		List<Error> kept = new java.util.ArrayList<>();
		kept.add(new Error(null, null, null, null, "receipt_incomplete", note));
		errors.stream().filter(e -> e.rowNo() == null).limit(20).forEach(kept::add);
		return new ReceiptContent(submissionId, folder, department, fileName, sha256, receivedAt, processedAt, status, policy,
				sheet, periods, figures, figuresNew, figuresUpdated, figuresUnchanged, figuresInvalid, figuresWithheld,
				duplicateOf, List.of(), kept);
	}

	int figuresLoaded() {
		return figuresNew + figuresUpdated + figuresUnchanged;
	}

	boolean rejectedWhole() {
		return "rejected".equals(status);
	}

}
