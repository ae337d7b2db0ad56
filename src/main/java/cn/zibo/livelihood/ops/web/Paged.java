package cn.zibo.livelihood.ops.web;

import java.util.List;

/**
 * One page of a long list, newest first. Pages are numbered from 0; a page holds 1 to
 * {@value #MAX_SIZE} rows (a larger size asked for gets {@value #MAX_SIZE}).
 *
 * @param total how many rows there are in all (with the same filter)
 */
record Paged<T>(int page, int size, long total, List<T> items) {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 500;

	static int size(Integer asked) {
		if (asked != null && asked < 1) {
			throw Params.bad("size is 1 to " + MAX_SIZE + ", not " + asked);
		}
		return asked == null ? DEFAULT_SIZE : Math.min(asked, MAX_SIZE);
	}

	static int page(Integer asked) {
		if (asked != null && asked < 0) {
			throw Params.bad("page is numbered from 0, not " + asked);
		}
		return asked == null ? 0 : asked;
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	long offset() {
		return (long) page * size;
	}

}
