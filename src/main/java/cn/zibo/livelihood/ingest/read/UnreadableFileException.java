package cn.zibo.livelihood.ingest.read;

/**
 * A file the pipeline cannot read as a table. {@link #getMessage()} is for the operator (code, file,
 * reason, in English); {@link #chineseMessage()} is for the clerk who sent it and says what is wrong
 * and what to do.
 */
public class UnreadableFileException extends Exception {

	private final String code;

	private final String chineseMessage;

	/**
	 * @param code one of {@code empty_file}, {@code encrypted}, {@code unsupported_format},
	 * {@code wrong_extension}, {@code corrupt_file}, {@code too_large}
	 */
	public UnreadableFileException(String code, String chineseMessage, Throwable cause) {
		this(code, code + ((cause != null) ? ": " + cause : ""), chineseMessage, cause);
	}

	UnreadableFileException(String code, String message, String chineseMessage, Throwable cause) {
		super(message, cause);
		this.code = code;
		this.chineseMessage = chineseMessage;
	}

	public String code() {
		return code;
	}

	public String chineseMessage() {
		return chineseMessage;
	}

}
