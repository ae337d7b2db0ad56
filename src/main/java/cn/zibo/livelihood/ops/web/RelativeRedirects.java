package cn.zibo.livelihood.ops.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects name a path, never a host. Spring Security builds some of its redirects (to the login
 * page, back to the page asked for before logging in) as absolute URLs from the request's
 * {@code Host} header, which the client chose: a forged header would come back in {@code Location}.
 * The pipeline never sends anyone to another site, so this turns every absolute redirect into its
 * path, and writes {@code Location} itself, so that Tomcat does not make it absolute again.
 */
class RelativeRedirects extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void sendRedirect(String location) throws IOException {
				sendRedirect(location, SC_FOUND, true);
			}

			@Override
			public void sendRedirect(String location, boolean clearBuffer) throws IOException {
				sendRedirect(location, SC_FOUND, clearBuffer);
			}

			@Override
			public void sendRedirect(String location, int status) throws IOException {
				sendRedirect(location, status, true);
			}

			/** Set by hand: Tomcat's own sendRedirect makes a location absolute for an HTTP/1.0 request. */
			@Override
			public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
				if (isCommitted()) {
					throw new IllegalStateException("Cannot redirect to " + location + ": the response is committed");
				}
				if (clearBuffer) {
					resetBuffer();
				}
				setStatus(status);
				setHeader("Location", relative(location));
				flushBuffer();
			}

		});
	}

	/** The path, query and fragment of an absolute http(s) URL; anything else as it is. */
	static String relative(String location) {
		URI uri;
		try {
			uri = new URI(location);
		}
		catch (URISyntaxException ex) {
			return location;
		}
		if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getRawAuthority() == null) {
			return location;
		}
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
				+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
	}

}
