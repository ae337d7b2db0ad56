package cn.zibo.livelihood.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.zibo.livelihood.system.DatabaseProbe;
import cn.zibo.livelihood.system.DatabaseUnreachableException;

/**
 * With PostgreSQL down, the page and the API say so at once instead of waiting 30 s for the pool and
 * then failing: before a page or API call runs, {@link DatabaseProbe} (which keeps its answer for a
 * second) is asked, and an unreachable database ends the request as {@link DatabaseOutageAnswers}
 * shows it. The login page needs no database and is left alone.
 */
@ServeOnly
@Configuration(proxyBeanMethods = false)
class DatabaseOutage implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private final DatabaseProbe probe;

	DatabaseOutage(DatabaseProbe probe) {
		this.probe = probe;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof HandlerMethod method && !(method.getBean() instanceof LoginPage)) {
					DatabaseProbe.Result result = probe.check();
					if (!result.reachable()) {
						log.warn("{} {} answered 503: the database {} is unreachable ({})", request.getMethod(),
								request.getRequestURI(), probe.database(), result.problem());
						throw new DatabaseUnreachableException("The database is unreachable: " + result.problem(), null);
					}
				}
				return true;
			}

		});
	}

}
