package cn.zibo.livelihood.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether loading uses both cores: one file of {@code rows} figures from each of several departments,
 * all in the inbox at once, taken by one {@code ingest --once}, first with one file loaded at a time
 * ({@code --etl.ingest.parallel-files=1}: one after another) and then with the shipped setting (as
 * many at once as there are cores), each from the same empty warehouse. The departments are those
 * leading the most tasks no other department leads, their files holding only those tasks'
 * indicators, so that no two files touch the same series (co-leads' files would contend for the same
 * rows, and open findings between them).
 */
final class BothCores {

	/** One department's file. */
	record DepartmentFile(String department, BenchRows rows) {
	}

	/** The two runs: the ingest job's and its load step's seconds each. */
	record Result(int files, long rowsPerFile, double jobOneAfterAnother, double jobAtOnce, double loadOneAfterAnother,
			double loadAtOnce) {

		double jobRatio() {
			return jobAtOnce / jobOneAfterAnother;
		}

		double loadRatio() {
			return loadAtOnce / loadOneAfterAnother;
		}

	}

	private final Child child;

	private final BenchDatabase database;

	private final Path work;

	private final String heap;

	BothCores(Child child, BenchDatabase database, Path work, String heap) {
		this.child = child;
		this.database = database;
		this.work = work;
		this.heap = heap;
	}

	/** The departments, as many as {@code wanted} whose tasks hold {@code rows} distinct figures. */
	static List<DepartmentFile> departments(JdbcClient jdbc, int wanted, long rows) {
		List<String> codes = jdbc.sql("""
				WITH lead AS (SELECT task_no, department_code FROM catalogue.task_lead
				              WHERE version_id = (SELECT version_id FROM catalogue.current_version)),
				     sole AS (SELECT task_no FROM lead GROUP BY task_no HAVING count(*) = 1)
				SELECT l.department_code FROM lead l JOIN sole USING (task_no)
				JOIN reporting.indicator i ON i.task_no = l.task_no
				JOIN catalogue.department d ON d.code = l.department_code AND NOT d.is_group
				 AND d.version_id = (SELECT version_id FROM catalogue.current_version)
				GROUP BY l.department_code ORDER BY count(*) DESC, l.department_code""")
			.query(String.class)
			.list();
		List<DepartmentFile> chosen = new ArrayList<>();
		for (String code : codes) {
			BenchRows soleRows = BenchDepartment.soleRows(jdbc, code);
			if (chosen.size() < wanted && soleRows.capacity() >= rows) {
				chosen.add(new DepartmentFile(code, soleRows));
			}
		}
		return chosen;
	}

	/** @return null when a run failed (said on {@code figures}) */
	Result measure(List<DepartmentFile> departments, long rows, Figures figures) throws Exception {
		Path data = Files.createDirectories(work.resolve("data/both-cores"));
		List<Path> files = new ArrayList<>();
		for (DepartmentFile department : departments) {
			Path file = data.resolve(department.rows().folder() + "_" + rows + "行.csv");
			if (!Files.exists(file)) {
				BenchInputs.csv(department.rows(), rows, file, StandardCharsets.UTF_8);
			}
			files.add(file);
		}
		double[] oneAfterAnother = run(departments, files, rows, 1, figures);
		double[] atOnce = oneAfterAnother == null ? null : run(departments, files, rows, 0, figures);
		if (atOnce == null) {
			return null;
		}
		return new Result(files.size(), rows, oneAfterAnother[0], atOnce[0], oneAfterAnother[1], atOnce[1]);
	}

	/** @return the job's and the load step's seconds, or null */
	private double[] run(List<DepartmentFile> departments, List<Path> files, long rows, int parallelFiles, Figures figures)
			throws Exception {
		database.emptyWarehouse();
		for (int i = 0; i < files.size(); i++) {
			Path folder = Files.createDirectories(work.resolve("inbox").resolve(departments.get(i).rows().folder()));
			Files.copy(files.get(i), folder.resolve(files.get(i).getFileName()));
		}
		long before = database.lastExecution();
		String name = parallelFiles == 1 ? "one-after-another" : "at-once";
		Child.Run run = child.run("both-cores-" + name, List.of("-Xmx" + heap), List.of("ingest", "--once"),
				List.of("--etl.ingest.settle=0s", "--etl.ingest.parallel-files=" + parallelFiles));
		if (!run.ok()) {
			figures.failed("ingest --once of " + files.size() + " files, " + name, run);
			return null;
		}
		long loaded = database.jdbc()
			.sql("SELECT count(*) FROM warehouse.submission WHERE status = 'loaded' AND figures_total = ?")
			.param(rows)
			.query(Long.class)
			.single();
		if (loaded != files.size()) {
			figures.refused(loaded + " of the " + files.size() + " files were loaded whole (" + name + "); see " + run.log());
			return null;
		}
		double job = database.jobSeconds("ingestJob", before);
		double load = database.steps(before)
			.stream()
			.filter(s -> s.name().equals(Figures.LOAD_STEP))
			.mapToDouble(Figures.Step::seconds)
			.sum();
		figures.bothCoresRun(parallelFiles == 1 ? "one file at a time (--etl.ingest.parallel-files=1)"
				: "as shipped (as many files at once as cores)", files.size(), rows, job, load, database.steps(before));
		return new double[] { job, load };
	}

}
