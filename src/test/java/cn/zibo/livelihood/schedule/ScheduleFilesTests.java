package cn.zibo.livelihood.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ScheduleFilesTests {

	private static final Set<String> JOBS = Set.of("ingestJob", "catalogueLoadJob");

	@TempDir
	Path jobs;

	@Test
	void theShippedSchedulesAreValid() {
		List<Schedule> shipped = ScheduleFiles.read(Path.of("jobs"), JOBS);

		assertThat(shipped).extracting(Schedule::describe)
			.containsExactly("catalogue-reload (catalogueLoadJob, '0 30 2 * * ?' Asia/Shanghai)",
					"ingest (ingestJob, '0 */10 8-18 ? * MON-FRI' Asia/Shanghai)");
	}

	@Test
	void aMinimalFileGetsTheDefaults() throws IOException {
		write("nightly.yml", "job: ingestJob\ncron: 0 0 1 * * ?\n");

		Schedule nightly = ScheduleFiles.read(jobs, JOBS).get(0);

		assertThat(nightly.name()).isEqualTo("nightly");
		assertThat(nightly.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(nightly.enabled()).isTrue();
		assertThat(nightly.parameters()).isEmpty();
	}

	@Test
	void parametersAreTextAndEveryFieldIsRead() throws IOException {
		write("reload.yaml", """
				job: catalogueLoadJob
				cron: "0 15 3 ? * SUN"
				time-zone: UTC
				enabled: false
				parameters:
				  seeds: /srv/seeds
				  attempt: 2
				description: weekly
				""");

		Schedule reload = ScheduleFiles.read(jobs, JOBS).get(0);

		assertThat(reload).isEqualTo(new Schedule("reload", "catalogueLoadJob", "0 15 3 ? * SUN", ZoneId.of("UTC"), false,
				Map.of("seeds", "/srv/seeds", "attempt", "2"), "weekly"));
	}

	@Test
	void everyProblemOfEveryFileIsNamedAtOnce() throws IOException {
		write("bad-cron.yml", "job: ingestJob\ncron: 0 0 25 * * ?\n");
		write("both-days.yml", "job: ingestJob\ncron: 0 0 2 * * *\n");
		write("unknown-job.yml", "job: reportJob\ncron: 0 0 2 * * ?\n");
		write("unknown-field.yml", "job: ingestJob\ncron: 0 0 2 * * ?\nschedule: daily\n");
		write("bad-zone.yml", "job: ingestJob\ncron: 0 0 2 * * ?\ntime-zone: Zibo/Zhangdian\n");
		write("incomplete.yml", "description: nothing else\n");
		write("reserved.yml", "job: ingestJob\ncron: 0 0 2 * * ?\nparameters:\n  run.id: 7\n");
		write("fine.yml", "job: ingestJob\ncron: 0 0 2 * * ?\n");

		assertThatIllegalStateException().isThrownBy(() -> ScheduleFiles.read(jobs, JOBS))
			.withMessageContaining("Bad schedule file(s) in " + jobs)
			.withMessageContaining("bad-cron.yml: cron '0 0 25 * * ?' is not a Quartz cron expression")
			.withMessageContaining("both-days.yml: cron '0 0 2 * * *' is not a Quartz cron expression")
			.withMessageContaining("unknown-job.yml: job 'reportJob' is not a job of this pipeline (one of: catalogueLoadJob, ingestJob)")
			.withMessageContaining("unknown-field.yml: unknown field 'schedule'")
			.withMessageContaining("bad-zone.yml: time-zone 'Zibo/Zhangdian' is not a time zone")
			.withMessageContaining("incomplete.yml: job is missing")
			.withMessageContaining("incomplete.yml: cron is missing")
			.withMessageContaining("reserved.yml: parameter 'run.id' is set by the pipeline itself")
			.withMessageNotContaining("fine.yml");
	}

	@Test
	void brokenYamlEmptyFilesAndTwoFilesOfOneNameAreProblemsToo() throws IOException {
		write("broken.yml", "job: [ingestJob\n");
		write("empty.yml", "# nothing yet\n\n");
		write("twice.yml", "job: ingestJob\ncron: 0 0 2 * * ?\njob: catalogueLoadJob\n");
		write("same.yml", "job: ingestJob\ncron: 0 0 2 * * ?\n");
		write("same.yaml", "job: ingestJob\ncron: 0 0 3 * * ?\n");

		assertThatIllegalStateException().isThrownBy(() -> ScheduleFiles.read(jobs, JOBS))
			.withMessageContaining("broken.yml: Cannot deserialize value of type `java.lang.String` from Array value")
			.withMessageContaining("empty.yml: empty; a schedule needs at least job and cron")
			.withMessageContaining("twice.yml: Duplicate Object property \"job\"")
			.withMessageContaining("same.yml: a second schedule named 'same' (also same.yaml)");
	}

	@Test
	void onlyYamlFilesAreSchedulesAndAMissingFolderHasNone() throws IOException {
		write("README.md", "# not a schedule");
		write("ingest.yml.bak", "job: nothing");
		write(".hidden.yml", "job: nothing");

		assertThat(ScheduleFiles.read(jobs, JOBS)).isEmpty();
		assertThat(ScheduleFiles.read(jobs.resolve("missing"), JOBS)).isEmpty();
	}

	@Test
	void theFingerprintChangesWithEveryFieldThatMatters() {
		Schedule base = new Schedule("s", "ingestJob", "0 0 2 * * ?", ZoneId.of("UTC"), true, Map.of(), null);

		assertThat(List.of(base, new Schedule("s", "catalogueLoadJob", "0 0 2 * * ?", ZoneId.of("UTC"), true, Map.of(), null),
				new Schedule("s", "ingestJob", "0 0 3 * * ?", ZoneId.of("UTC"), true, Map.of(), null),
				new Schedule("s", "ingestJob", "0 0 2 * * ?", ZoneId.of("Asia/Shanghai"), true, Map.of(), null),
				new Schedule("s", "ingestJob", "0 0 2 * * ?", ZoneId.of("UTC"), false, Map.of(), null),
				new Schedule("s", "ingestJob", "0 0 2 * * ?", ZoneId.of("UTC"), true, Map.of("a", "b"), null),
				new Schedule("s", "ingestJob", "0 0 2 * * ?", ZoneId.of("UTC"), true, Map.of(), "d"))
			.stream()
			.map(Schedule::fingerprint)
			.distinct()).hasSize(7);
		assertThat(base.fingerprint())
			.isEqualTo(new Schedule("s", "ingestJob", "0 0 2 * * ?", ZoneId.of("UTC"), true, Map.of(), null).fingerprint());
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(jobs.resolve(name), content);
	}

}
