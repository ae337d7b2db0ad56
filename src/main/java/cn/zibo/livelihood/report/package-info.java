/**
 * What the pipeline hands to people, in Chinese: the receipt (回执) for every file, the departments'
 * fill-in templates (填报模板) and the consolidated progress workbook (进展情况汇总表). Reads the warehouse
 * and the reporting views; depends on {@code warehouse}, {@code validate} (periods, status words),
 * {@code catalogue} and {@code system}.
 */
package cn.zibo.livelihood.report;
