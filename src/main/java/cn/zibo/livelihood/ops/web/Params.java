package cn.zibo.livelihood.ops.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Numbers in a request that cannot mean anything (a negative limit, an id below 1) are the caller's
 * mistake: they answer 400 with what was wrong (problem details under {@code /api}), before any of
 * them reaches the database and fails there as a 500.
 */
final class Params {

	private Params() {
	}

	static long id(long id) {
		if (id < 1) {
			throw bad("An id is a whole number from 1, not " + id);
		}
		return id;
	}

	/** At most {@code max}: asking for more gets {@code max}; nothing asked gets {@code max} too. */
	static int limit(Integer asked, int max) {
		if (asked == null) {
			return max;
		}
		if (asked < 0) {
			throw bad("limit is 0 or more, not " + asked);
		}
		return Math.min(asked, max);
	}

	static ResponseStatusException bad(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}

}
