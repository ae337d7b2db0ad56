package cn.zibo.livelihood.ops.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is looking: an operator sees everything; a department user only its own department's
 * submissions. Another department's submission answers 404, as if it did not exist.
 *
 * @param department the department code a department user is limited to; null for an operator
 */
record Viewer(String name, boolean operator, String department) {

	static Viewer of(Authentication authentication) {
		boolean operator = false;
		String department = null;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String a = authority.getAuthority();
			if (("ROLE_" + Accounts.OPERATOR).equals(a)) {
				operator = true;
			}
			else if (a != null && a.startsWith(Accounts.DEPARTMENT_PREFIX)) {
				department = a.substring(Accounts.DEPARTMENT_PREFIX.length());
			}
		}
		if (!operator && department == null) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "No role");
		}
		return new Viewer(authentication.getName(), operator, operator ? null : department);
	}

	/** The department filter for queries: the viewer's own, or what an operator asked for (null = all). */
	String departmentFilter(String asked) {
		return operator ? blankToNull(asked) : department;
	}

	boolean maySee(String submissionDepartment) {
		return operator || department.equals(submissionDepartment);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
