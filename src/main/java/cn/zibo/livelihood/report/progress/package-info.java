/**
 * The consolidated progress workbook (进展情况汇总表) of a period, read from the reporting views as
 * known at the period's end ({@link cn.zibo.livelihood.report.progress.ProgressReports}): overview
 * with chart, indicator progress, task status, discrepancies, completeness and the files received.
 */
package cn.zibo.livelihood.report.progress;
