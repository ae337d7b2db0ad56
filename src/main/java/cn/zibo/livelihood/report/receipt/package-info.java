/**
 * The receipt (回执) of every file a department sends, written into its folder of the inbox as a
 * workbook and a text version ({@link cn.zibo.livelihood.report.receipt.Receipts}), and the pre-check
 * (预检) of a file that is only checked, not loaded ({@link cn.zibo.livelihood.report.receipt.Prechecks}).
 */
package cn.zibo.livelihood.report.receipt;
