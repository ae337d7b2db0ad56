/**
 * What the pipeline hands to people, in Chinese, one sub-package each: {@code receipt}, the receipt
 * (回执) for every file and the pre-check (预检) of a file not yet sent; {@code template}, the
 * departments' fill-in templates (填报模板); {@code progress}, the consolidated progress workbook
 * (进展情况汇总表); {@code export}, CSV and XLSX exports of the reporting views; {@code chase}, 催报:
 * who still owes figures for a period, as a list, a workbook and reminders. This package holds
 * what they do alike: how periods and districts are written
 * and dates and counts ({@link cn.zibo.livelihood.report.ChineseForms}), the Chinese for the views' codes
 * ({@link cn.zibo.livelihood.report.ViewWords}), cell limits and print set-up
 * ({@link cn.zibo.livelihood.report.Sheets}) and writing a workbook file safely
 * ({@link cn.zibo.livelihood.report.WorkbookFile}). The sub-packages do not depend on each other.
 * Depends on {@code ingest} (the inbox, for receipts), {@code warehouse}, {@code validate},
 * {@code catalogue} and {@code system}.
 */
package cn.zibo.livelihood.report;
