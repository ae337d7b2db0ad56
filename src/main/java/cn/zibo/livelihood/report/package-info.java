/**
 * What the pipeline hands to people, in Chinese: the receipt (回执) for every file, and (to come)
 * the consolidated progress workbook and the departments' fill-in templates. Reads the warehouse
 * and the reporting views; depends on {@code warehouse}, {@code catalogue} and {@code system}.
 */
package cn.zibo.livelihood.report;
