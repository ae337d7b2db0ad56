package cn.zibo.livelihood.ops.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.zibo.livelihood.report.export.ExportFilter;
import cn.zibo.livelihood.report.export.ExportFormat;
import cn.zibo.livelihood.report.export.ExportView;
import cn.zibo.livelihood.report.export.Exports;
import cn.zibo.livelihood.report.export.PreparedExport;

/**
 * Reporting views as files, for people without a database client: {@code /api/export/{view}.csv} or
 * {@code .xlsx}, filtered by period, task, district and indicator. An operator gets every row; a
 * department user the rows of the tasks its department leads (its own rows of completeness). The
 * file streams as it is read, so a large export never sits in memory.
 */
@ServeOnly
@RestController
@RequestMapping("/api/export")
class ExportApi {

	private final Exports exports;

	ExportApi(Exports exports) {
		this.exports = exports;
	}

	@GetMapping(path = "/{view}.{format}", produces = MediaType.ALL_VALUE)
	ResponseEntity<StreamingResponseBody> export(@PathVariable String view, @PathVariable String format,
			@RequestParam(required = false) String period, @RequestParam(required = false) Integer task,
			@RequestParam(required = false) String district, @RequestParam(required = false) String indicator,
			Authentication authentication) {
		ExportView exported = ExportView.of(view)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No export of '" + view + "': one of "
					+ java.util.Arrays.stream(ExportView.values()).map(ExportView::viewName).toList()));
		ExportFormat as = ExportFormat.of(format)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Exports are .csv or .xlsx, not ." + format));
		ExportFilter filter = exports.filter(period, task, district, indicator,
				Viewer.of(authentication).departmentFilter(null));
		PreparedExport prepared = exports.prepare(exported, filter, as);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, as.contentType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(prepared.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(prepared::writeTo);
	}

}
