package cn.zibo.livelihood.ops.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' error page (403, 404, 500 …) with the menu of the one who is looking, so that a wrong
 * link is one click from the pages they may see, and in Chinese: what happened and what to do. The
 * exception's English reason is left to the log; the API answers problems as JSON instead.
 */
@ServeOnly
@Component
class ErrorPages implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Map<String, Object> page = new HashMap<>(model);
		page.put("viewer", viewer());
		page.put("title", title(status));
		page.put("explanation", explanation(status));
		return new ModelAndView("error", page, status);
	}

	private static Viewer viewer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		try {
			return Viewer.of(authentication);
		}
		catch (RuntimeException noRole) {
			return null;
		}
	}

	static String title(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "请求有误";
			case 403 -> "无权访问";
			case 404 -> "页面不存在";
			case 405 -> "不支持的操作";
			case 413 -> "文件过大";
			case 500 -> "系统内部错误";
			case 503 -> "服务暂时不可用";
			default -> "出错了";
		};
	}

	static String explanation(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "地址中的参数不正确（例如编号不是正整数）。请从菜单重新进入要查看的页面。";
			case 403 -> "当前登录的用户无权查看或操作本页。如需权限，请联系系统运维人员。";
			case 404 -> "要查看的页面、报送或运行记录不存在，或不属于当前用户可查看的范围。请检查地址，或从菜单重新进入。";
			case 413 -> "上传的文件超过允许的大小。请拆分文件后重新上传。";
			case 500 -> "系统处理请求时发生内部错误，已记入日志。请稍后重试；如果一直如此，请通知系统运维人员查看日志文件。";
			case 503 -> "服务暂时无法处理请求。请过几分钟再刷新本页。";
			default -> "请求未能完成。请从菜单重新进入要查看的页面。";
		};
	}

}
