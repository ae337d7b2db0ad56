/**
 * Normalising and checking what departments wrote: numbers in the forms clerks use (万/亿,
 * separators, full-width digits, percent), units, periods, districts and status words, and the rules
 * that decide whether a figure may be loaded. Plain classes with plain tests; depends on
 * {@code catalogue} only. Every problem is a {@link cn.zibo.livelihood.validate.Problem} with a code
 * and a Chinese message that tells the clerk what to fix.
 */
package cn.zibo.livelihood.validate;
