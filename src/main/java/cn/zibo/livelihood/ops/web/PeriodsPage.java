package cn.zibo.livelihood.ops.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.warehouse.PeriodLocks;

/**
 * 报告期: the periods with their state, closing and reopening one with a reason, and the record of
 * every close and reopen. A change goes through {@link PeriodLocks} as {@code period close} and
 * {@code period reopen} record it, with the logged-in operator as who decided. Operators only.
 */
@ServeOnly
@Controller
class PeriodsPage {

	static final int REASON_LIMIT = 500;

	private final PeriodBook book;

	private final PeriodLocks locks;

	PeriodsPage(PeriodBook book, PeriodLocks locks) {
		this.book = book;
		this.locks = locks;
	}

	@GetMapping("/periods")
	String periods(Model model) {
		model.addAttribute("rows", book.rows());
		model.addAttribute("history", locks.history(100));
		return "periods";
	}

	@PostMapping("/periods/close")
	String close(@RequestParam(required = false) String period, @RequestParam(required = false) String reason,
			Authentication authentication, RedirectAttributes redirect) {
		return change(true, period, reason, authentication.getName(), redirect);
	}

	@PostMapping("/periods/reopen")
	String reopen(@RequestParam(required = false) String period, @RequestParam(required = false) String reason,
			Authentication authentication, RedirectAttributes redirect) {
		return change(false, period, reason, authentication.getName(), redirect);
	}

	private String change(boolean close, String asked, String reason, String actor, RedirectAttributes redirect) {
		String code = asked == null ? null : Period.parse(asked).map(Period::code).orElse(null);
		if (code == null) {
			redirect.addFlashAttribute("problem", "没有这个报告期：“" + (asked == null ? "" : asked.strip()) + "”。请在下表中选择报告期。");
			return "redirect:/periods";
		}
		String name = ClerkWords.INSTANCE.period(code);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > REASON_LIMIT) {
			redirect.addFlashAttribute("problem", (close ? "关闭" : "重新开放") + name + "须填写原因（" + REASON_LIMIT
					+ "字以内），原因随变更记录在案。未作变更。");
			return "redirect:/periods#period-" + code;
		}
		boolean closed = locks.isClosed(code);
		if (close == closed) {
			redirect.addFlashAttribute("problem", name + (closed ? "已经关闭，无需再次关闭。" : "未关闭，无需重新开放。") + "未作变更。");
			return "redirect:/periods#period-" + code;
		}
		if (close) {
			locks.close(code, why, actor);
			redirect.addFlashAttribute("notice", "已关闭" + name + "：此后报送该期数据的文件将被退回，回执说明原因。原因：" + why);
		}
		else {
			locks.reopen(code, why, actor);
			redirect.addFlashAttribute("notice", "已重新开放" + name + "，该期数据可以再次报送。原因：" + why);
		}
		return "redirect:/periods#period-" + code;
	}

}
