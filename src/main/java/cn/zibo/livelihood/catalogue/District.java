package cn.zibo.livelihood.catalogue;

import java.util.List;

/**
 * The city, a district, a county or a functional zone a figure is reported for.
 *
 * @param kind {@code city}, {@code district}, {@code county} or {@code zone}
 */
public record District(String code, String name, String shortName, String kind, List<String> aliases) {

	public static final String CITY_CODE = "370300";

}
