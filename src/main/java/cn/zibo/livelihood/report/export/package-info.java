/**
 * Exports of the reporting views for people without a database client: CSV (UTF-8 with a BOM, so
 * that Excel opens it as Chinese) and XLSX, with Chinese headers taken from the data dictionary the
 * database keeps ({@code COMMENT ON}), codes in Chinese, and periods both as people write them
 * (2024年第三季度) and as codes. Served by {@code serve} under {@code /api/export} and written by
 * {@code values --format}. Depends on {@code validate} (periods) and the words of {@code report}.
 */
package cn.zibo.livelihood.report.export;
