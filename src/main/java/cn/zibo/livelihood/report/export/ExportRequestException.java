package cn.zibo.livelihood.report.export;

/** An export asked for in a way that cannot be answered: the message says why and what to write instead. */
public class ExportRequestException extends IllegalArgumentException {

	public ExportRequestException(String message) {
		super(message);
	}

}
