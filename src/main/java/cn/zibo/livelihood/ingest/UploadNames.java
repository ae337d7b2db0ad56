package cn.zibo.livelihood.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The name an uploaded file gets in its department folder. A browser or another program may send any
 * name: a whole path ({@code C:\fakepath\报表.xlsx}), separators, characters that no file system
 * takes or that are invisible, a name the inbox never takes (hidden, an Office lock file, one that
 * looks like a receipt). Such a name is cleaned so that the intake takes the file like any dropped
 * file; what stays is what the clerk chose, since the name may carry the period.
 */
public final class UploadNames {

	/** What the intake reads, lower case, as a name ends. */
	public static final List<String> EXTENSIONS = List.of(".xlsx", ".xls", ".csv");

	/** Bytes of a cleaned name: room is left for a number ({@code (12)}) and the receipt's suffix. */
	static final int MAX_BYTES = 180;

	private static final String FORBIDDEN = "<>:\"|?*/\\";

	private UploadNames() {
	}

	/** The accepted extension a name ends with, in lower case; empty for any other. */
	public static Optional<String> extension(String name) {
		String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		return EXTENSIONS.stream().filter(lower::endsWith).findFirst();
	}

	/**
	 * The cleaned name, or empty when the name does not end in an accepted extension.
	 *
	 * @param sent the name as sent (the multipart part's file name)
	 */
	public static Optional<String> clean(String sent) {
		if (sent == null) {
			return Optional.empty();
		}
		String last = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
		Optional<String> extension = extension(last);
		if (extension.isEmpty()) {
			return Optional.empty();
		}
		String stem = last.strip();
		stem = stem.substring(0, stem.length() - extension.get().length());
		StringBuilder kept = new StringBuilder();
		Inbox.displayName(stem).codePoints().forEach(cp -> kept.appendCodePoint(FORBIDDEN.indexOf(cp) >= 0 ? '_' : cp));
		String cleaned = kept.toString().replace(Inbox.RECEIPT_MARK, "_回执").strip();
		// hidden files and Office lock files are never taken; nor are names Windows cannot hold
		cleaned = cleaned.replaceFirst("^[.~$\\s]+", "").replaceFirst("[.\\s]+$", "");
		if (cleaned.isEmpty()) {
			cleaned = "上传文件";
		}
		return Optional.of(shortened(cleaned, MAX_BYTES - extension.get().length()) + extension.get());
	}

	private static String shortened(String stem, int maxBytes) {
		if (stem.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return stem;
		}
		StringBuilder cut = new StringBuilder();
		int used = 0;
		for (int i = 0; i < stem.length();) {
			int cp = stem.codePointAt(i);
			int size = Character.toString(cp).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > maxBytes) {
				break;
			}
			cut.appendCodePoint(cp);
			used += size;
			i += Character.charCount(cp);
		}
		return cut.toString();
	}

}
