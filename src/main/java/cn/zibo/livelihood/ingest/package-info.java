/**
 * The inbox side of the pipeline: finding, claiming and archiving the files departments drop into
 * their folders, and reading them into normalised rows. {@link cn.zibo.livelihood.ingest.TabularFiles}
 * opens a CSV, XLSX or XLS file as a {@link cn.zibo.livelihood.ingest.TabularFile} whose
 * {@link cn.zibo.livelihood.ingest.SheetRow}s carry every cell as text by the same rules whatever the
 * format, or rejects it with an {@link cn.zibo.livelihood.ingest.UnreadableFileException} that tells
 * the clerk in Chinese what is wrong and what to do. {@link cn.zibo.livelihood.ingest.Intake} takes
 * files out of the inbox; {@link cn.zibo.livelihood.ingest.SubmissionLoader} finds a file's layout
 * through {@code mappings/}, checks its entries and loads them. Depends on {@code validate},
 * {@code warehouse}, {@code catalogue} and {@code system}; knows nothing of Spring Batch.
 */
package cn.zibo.livelihood.ingest;
