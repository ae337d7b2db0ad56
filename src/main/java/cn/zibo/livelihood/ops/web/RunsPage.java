package cn.zibo.livelihood.ops.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Job runs (作业运行), one run with its steps, and the operator's actions on them. Operators only. */
@ServeOnly
@Controller
class RunsPage {

	private final Runs runs;

	private final JobActions actions;

	RunsPage(Runs runs, JobActions actions) {
		this.runs = runs;
		this.actions = actions;
	}

	@GetMapping("/runs")
	String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String status, @RequestParam(required = false) String job, Model model) {
		model.addAttribute("runs", runs.page(Paged.page(page), Paged.size(size), status, job));
		model.addAttribute("status", status);
		model.addAttribute("job", job);
		model.addAttribute("jobNames", runs.jobNames());
		return "runs";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("detail", runs.detail(Params.id(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No job execution " + id)));
		return "run";
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		String refused = actions.restart(Params.id(id), authentication.getName());
		if (refused != null) {
			redirect.addFlashAttribute("problem", refused);
		}
		else {
			redirect.addFlashAttribute("notice", "Restart of job execution " + id
					+ " requested (已提交重新运行); it appears below as a new execution of the same job instance.");
		}
		return "redirect:/runs/" + id;
	}

	@PostMapping("/actions/ingest")
	String ingestNow(Authentication authentication, RedirectAttributes redirect) {
		actions.ingestNow(authentication.getName());
		redirect.addFlashAttribute("notice", "Ingest (数据接收) started; its run appears at the top of this list.");
		return "redirect:/runs";
	}

	@PostMapping("/actions/reconcile")
	String reconcileNow(Authentication authentication, RedirectAttributes redirect) {
		actions.reconcileNow(authentication.getName());
		redirect.addFlashAttribute("notice", "Reconcile (核对) started; its run appears at the top of this list, and its"
				+ " findings on the overview once it completes.");
		return "redirect:/runs";
	}

}
