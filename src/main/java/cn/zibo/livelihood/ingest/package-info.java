/**
 * The inbox side of the pipeline. {@link cn.zibo.livelihood.ingest.Intake} takes complete files out
 * of the departments' folders ({@link cn.zibo.livelihood.ingest.Inbox}), archives their bytes and
 * claims them as submissions; {@link cn.zibo.livelihood.ingest.SubmissionLoader} finds a file's
 * layout through {@code mappings/}, checks its entries and loads them, whole or not at all;
 * {@link cn.zibo.livelihood.ingest.InboxWriter} is the one way anything is written into the inbox,
 * receipts and the files departments upload on the web ({@link cn.zibo.livelihood.ingest.Uploads}).
 * Reading a file into rows is the sub-package {@code read}'s, finding where its data is and turning
 * it into entries {@code layout}'s. Depends on {@code read}, {@code layout},
 * {@code validate}, {@code warehouse}, {@code catalogue} and {@code system}; knows nothing of
 * Spring Batch.
 */
package cn.zibo.livelihood.ingest;
