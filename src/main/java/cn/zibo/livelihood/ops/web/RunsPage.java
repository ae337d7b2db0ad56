package cn.zibo.livelihood.ops.web;

import java.util.List;

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

	private final RunNotes notes;

	RunsPage(Runs runs, JobActions actions, RunNotes notes) {
		this.runs = runs;
		this.actions = actions;
		this.notes = notes;
	}

	@GetMapping("/runs")
	String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String status, @RequestParam(required = false) String job, Model model) {
		Paged<Runs.Run> shown = runs.page(Paged.page(page), Paged.size(size), status, job);
		model.addAttribute("runs", shown);
		model.addAttribute("notes", notes.of(shown.items()));
		model.addAttribute("status", status);
		model.addAttribute("job", job);
		model.addAttribute("jobNames", runs.jobNames());
		model.addAttribute("statuses", List.of("FAILED", "COMPLETED", "STARTED", "STOPPED", "ABANDONED"));
		model.addAttribute("refresh", notes.somethingRuns());
		return "runs";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, Model model) {
		Runs.Detail detail = runs.detail(Params.id(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No job execution " + id));
		model.addAttribute("detail", detail);
		model.addAttribute("cause", RunFailures.of(detail.run()));
		model.addAttribute("notes", notes.of(detail.attempts()));
		model.addAttribute("files", notes.files(detail.run()));
		model.addAttribute("refresh", detail.attempts().stream().anyMatch(a -> RunWords.RUNNING.contains(a.status())));
		return "run";
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		String refused = actions.restart(Params.id(id), authentication.getName());
		if (refused != null) {
			redirect.addFlashAttribute("problem", refused);
		}
		else {
			redirect.addFlashAttribute("notice", "已提交重新运行 #" + id + "，新的一次运行将显示在下方“各次运行”中，本页每 10 秒自动刷新。");
		}
		return "redirect:/runs/" + id;
	}

	@PostMapping("/actions/ingest")
	String ingestNow(Authentication authentication, RedirectAttributes redirect) {
		actions.ingestNow(authentication.getName());
		redirect.addFlashAttribute("notice", "数据接收已开始运行，它的运行记录显示在下表最上方。");
		return "redirect:/runs";
	}

	@PostMapping("/actions/reconcile")
	String reconcileNow(Authentication authentication, RedirectAttributes redirect) {
		actions.reconcileNow(authentication.getName());
		redirect.addFlashAttribute("notice", "数据核对已开始运行，它的运行记录显示在下表最上方；完成后核对发现显示在概览中。");
		return "redirect:/runs";
	}

}
