package cn.zibo.livelihood.ingest.read;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * POI's safety limits, set deliberately and in one place. They are JVM-wide statics, so whatever
 * else in the application uses POI shares them. A file beyond them is refused as
 * {@code too_large}.
 */
final class PoiLimits {

	/** POI's own default: a zip entry may expand at most 100 times (zip bombs expand far more). */
	static final double MIN_INFLATE_RATIO = 0.01;

	/** Sheet XML of a real workbook stays well below this; a larger entry is a bomb or not ours. */
	static final long MAX_ENTRY_SIZE = 1L << 30;

	/** The largest single record or part POI may load into one byte array. */
	static final int MAX_BYTE_ARRAY = 200_000_000;

	/** POI's own default, stated here: a workbook has a few dozen parts, a file with more is not one. */
	static final long MAX_FILE_COUNT = 1000;

	static {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
		ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
		IOUtils.setByteArrayMaxOverride(MAX_BYTE_ARRAY);
	}

	private PoiLimits() {
	}

	/** Loading this class sets the limits; calling this makes sure it has been loaded. */
	static void apply() {
		// the static initialiser has run
	}

}
