package cn.zibo.livelihood.system;

/**
 * The pipeline's database could not be reached or started. The message is one line an operator can
 * act on (which database, what went wrong, what to do); the command line prints it alone and leaves
 * the cause, with its stack trace, to the log file.
 */
public class DatabaseUnreachableException extends RuntimeException {

	public DatabaseUnreachableException(String message, Throwable cause) {
		super(message, cause);
	}

}
