package cn.zibo.livelihood.ingest.layout;

import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.validate.Period;

/**
 * A column holding the values of one district, one period, or one period of one district, as a
 * district-wide or period-wide table has them.
 *
 * @param name the heading as written (a sub-heading with its group heading when the sub-heading
 * alone repeats, e.g. 一季度/张店区)
 * @param district the district of its values, or null (the row's or the sheet's)
 * @param period the period of its values, or null (the row's or the sheet's)
 * @param unit a unit written in brackets in its heading, or ""
 */
record ValueColumn(int column, String name, District district, Period period, String unit) {
}
