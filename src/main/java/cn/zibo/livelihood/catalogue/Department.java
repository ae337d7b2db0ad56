package cn.zibo.livelihood.catalogue;

import java.util.List;

/**
 * A lead department, or a group of them (成员单位) that leads collectively and has no inbox.
 *
 * @param code short ASCII code, also accepted as the inbox folder name
 * @param aliases other spellings and second names, each naming this same department
 */
public record Department(String code, String name, String nameEn, List<String> aliases, boolean group) {

	public boolean isCalled(String written) {
		return name.equals(written) || code.equalsIgnoreCase(written) || aliases.contains(written);
	}

}
