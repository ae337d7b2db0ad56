package cn.zibo.livelihood.ops.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

import cn.zibo.livelihood.ingest.Uploads;

/**
 * How the department API refuses: RFC 9457 problem details, 400 for a file it will not take (its
 * extension, its size, a request without one). The department page shows a refusal's {@code detail}
 * to the clerk, so that is Chinese; the {@code title} says it for the operator.
 */
final class UploadAnswers {

	private UploadAnswers() {
	}

	private static ResponseEntity<ProblemDetail> bad(String detail) {
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
	}

	private static ResponseEntity<ProblemDetail> bad(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A file over the limit is refused while the request is read, before any controller is chosen, so
	 * this answer is everyone's (only the department API takes files).
	 */
	@ServeOnly
	@RestControllerAdvice
	static class TooLarge {

		private final Uploads uploads;

		TooLarge(Uploads uploads) {
			this.uploads = uploads;
		}

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
			String limit = ClerkWords.INSTANCE.size(uploads.maxFileBytes());
			return bad("A file is over the size limit etl.ingest.max-file-size (" + limit + "), or the request carries too many",
					"文件超过单个文件的上限（" + limit + "）。请删去无关的工作表，或按报告期拆分后分别报送。");
		}

	}

	@ServeOnly
	@RestControllerAdvice(assignableTypes = { UploadApi.class, DepartmentApi.class })
	static class ForDepartmentApi {

		@ExceptionHandler(Uploads.Refused.class)
		ResponseEntity<ProblemDetail> refused(Uploads.Refused ex) {
			return bad("The file is refused before it is written (extension, size or folder)", ex.getMessage());
		}

		@ExceptionHandler(MissingServletRequestPartException.class)
		ResponseEntity<ProblemDetail> noFile(MissingServletRequestPartException ex) {
			return bad("Send the file as the multipart/form-data part '" + ex.getRequestPartName() + "'", "请选择要上传的文件。");
		}

		@ExceptionHandler(MultipartException.class)
		ResponseEntity<ProblemDetail> unreadable(MultipartException ex) {
			return bad("The request is not a readable multipart/form-data upload", "上传未完成，请重新上传。");
		}

		@ExceptionHandler(ResponseStatusException.class)
		ResponseEntity<ProblemDetail> refused(ResponseStatusException ex) {
			return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
		}

		@ExceptionHandler(TypeMismatchException.class)
		ResponseEntity<ProblemDetail> notANumber(TypeMismatchException ex) {
			return bad("'" + ex.getPropertyName() + "' must be a whole number, not '" + ex.getValue() + "'");
		}

	}

}
