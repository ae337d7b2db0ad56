/**
 * A department's fill-in template (填报模板) for a period: a row for every indicator of every task it
 * leads, catalogue columns locked, value columns validated, instructions on a sheet of their own
 * ({@link cn.zibo.livelihood.report.template.Templates}, {@link cn.zibo.livelihood.report.template.Template}).
 */
package cn.zibo.livelihood.report.template;
