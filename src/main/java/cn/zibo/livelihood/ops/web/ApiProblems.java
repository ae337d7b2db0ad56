package cn.zibo.livelihood.ops.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import cn.zibo.livelihood.report.export.ExportRequestException;

/** How the API says no: RFC 9457 problem details whose {@code detail} says why, not only a status. */
@ServeOnly
@RestControllerAdvice(assignableTypes = { Api.class, ExportApi.class })
class ApiProblems {

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<ProblemDetail> refused(ResponseStatusException ex) {
		return problem(ex.getBody());
	}

	/** A parameter that is not a number where one is expected ({@code ?limit=abc}, {@code /runs/x}). */
	@ExceptionHandler(TypeMismatchException.class)
	ResponseEntity<ProblemDetail> notANumber(TypeMismatchException ex) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
		String value = String.valueOf(ex.getValue());
		return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + name + "' must be a whole number, not '"
				+ (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'"));
	}

	/** An export's filter that cannot be read or applied (a period, a district, a column the view lacks). */
	@ExceptionHandler(ExportRequestException.class)
	ResponseEntity<ProblemDetail> badExport(ExportRequestException ex) {
		return problem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

	/** As JSON whatever the request's Accept said (an export's asks for a file). */
	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
