package cn.zibo.livelihood.ops.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;

/**
 * Which department a request acts for. A department user acts for its own and no other: asking to
 * upload, pre-check or fetch a template for another is refused (403), and its views show its own
 * whatever is asked. An operator names the department ({@code department=CODE}, or its name or an
 * alias); only departments with an inbox count, not group leads (成员单位).
 */
@ServeOnly
@Component
class Departments {

	private final CurrentCatalogue catalogue;

	Departments(CurrentCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** The department a page shows: a department user's own; for an operator the one asked, if any. */
	Optional<Department> shown(Viewer viewer, String asked) {
		if (!viewer.operator()) {
			return Optional.of(own(viewer));
		}
		return blank(asked) ? Optional.empty() : Optional.of(known(asked));
	}

	/**
	 * The department an upload, pre-check or template is for.
	 *
	 * @throws ResponseStatusException 403 when a department user asks for another department, 400
	 * when an operator names none or one without an inbox
	 */
	Department actingFor(Viewer viewer, String asked) {
		if (viewer.operator()) {
			if (blank(asked)) {
				throw Params.bad("Name the department: department=CODE (see catalogue show). 请指定部门（department=部门代码）。");
			}
			return known(asked);
		}
		Department own = own(viewer);
		if (!blank(asked) && catalogue.get().catalogue().department(asked.strip()).filter(d -> d.code().equals(own.code())).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"A department user acts for its own department only. 部门用户只能为本部门（" + own.name() + "）报送。");
		}
		return own;
	}

	/** The departments with an inbox, by code: an operator's choice. */
	List<Department> withInbox() {
		return catalogue.get().catalogue().departments().stream().filter(d -> !d.group())
			.sorted(Comparator.comparing(Department::code)).toList();
	}

	private Department own(Viewer viewer) {
		return catalogue.get().catalogue().department(viewer.department())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"The department " + viewer.department() + " of this login is not in the catalogue. 本账号所属部门不在任务清单目录中。"));
	}

	private Department known(String asked) {
		Department found = catalogue.get().catalogue().department(asked.strip())
			.orElseThrow(() -> Params.bad("Unknown department '" + asked + "'. 没有这个部门：“" + asked + "”。"));
		if (found.group()) {
			throw Params.bad(found.name() + " is a group lead with no inbox of its own. “" + found.name() + "”是成员单位的集合，不单独报送。");
		}
		return found;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
