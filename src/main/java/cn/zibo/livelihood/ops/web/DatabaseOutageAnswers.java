package cn.zibo.livelihood.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

import cn.zibo.livelihood.system.DatabaseUnreachableException;

/**
 * How the page and the API answer while the database is unreachable: 503, with a page that tells a
 * person in Chinese what happened and what to do, or problem details for a tool. Found unreachable
 * before the request ran ({@link DatabaseOutage}), or lost while it ran.
 */
final class DatabaseOutageAnswers {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAnswers.class);

	private DatabaseOutageAnswers() {
	}

	private static void lostWhileRunning(Exception ex, HttpServletRequest request) {
		if (!(ex instanceof DatabaseUnreachableException)) {
			log.warn("{} {} answered 503: the database connection failed", request.getMethod(), request.getRequestURI(), ex);
		}
	}

	@ServeOnly
	@ControllerAdvice(assignableTypes = { OverviewPage.class, RunsPage.class, SubmissionsPage.class, DepartmentPage.class })
	static class Pages {

		@ExceptionHandler({ DatabaseUnreachableException.class, DataAccessResourceFailureException.class,
				CannotCreateTransactionException.class })
		ModelAndView unavailable(Exception ex, HttpServletRequest request) {
			lostWhileRunning(ex, request);
			return new ModelAndView("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		}

	}

	@ServeOnly
	@RestControllerAdvice(assignableTypes = { Api.class, UploadApi.class, DepartmentApi.class })
	static class ForApi {

		@ExceptionHandler({ DatabaseUnreachableException.class, DataAccessResourceFailureException.class,
				CannotCreateTransactionException.class })
		ResponseEntity<ProblemDetail> unavailable(Exception ex, HttpServletRequest request) {
			lostWhileRunning(ex, request);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The database is unavailable (数据库暂时无法连接); try again later. The operator finds the details in the log.");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem);
		}

	}

}
