/**
 * 催报: for one reporting period, the departments that still owe figures, with what they owe by task
 * and indicator, as a list an operator reads, a workbook that prints (A4 landscape) and a reminder
 * notice per department to send. What is owed follows the same rules as completeness
 * ({@code reporting.department_indicator_due}, {@code reporting.department_period_completeness}).
 * Reads the reporting views; depends on the report package's shared helpers, on {@code validate}'s
 * periods and on {@code system}'s settings only.
 */
package cn.zibo.livelihood.report.chase;
