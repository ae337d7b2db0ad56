package cn.zibo.livelihood;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that need something from outside the project (the shared corpus beside it, Debian's
 * Chromium): on a developer's machine without it they skip, but under CI (CI=true), where
 * {@code .ci/run} and the checkout bring it, its absence is a failure, so a green CI run never hides
 * a test that did not run.
 */
public final class Requirements {

	private Requirements() {
	}

	public static void require(boolean present, String what) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			assertTrue(present, what + " (CI must provide it)");
		}
		else {
			assumeTrue(present, what);
		}
	}

}
