package cn.zibo.livelihood;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one-way dependencies of STYLE.md: application → ops → schedule → jobs → capabilities → catalogue
 * → system, with Spring Batch known only to jobs (and the layers above them).
 */
@AnalyzeClasses(packages = "cn.zibo.livelihood", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule dependenciesRunOneWay = layeredArchitecture().consideringOnlyDependenciesInAnyPackage(
			"cn.zibo.livelihood..")
		.withOptionalLayers(true)
		.layer("application").definedBy("cn.zibo.livelihood")
		.layer("ops").definedBy("..livelihood.ops..")
		.layer("schedule").definedBy("..livelihood.schedule..")
		.layer("jobs").definedBy("..livelihood.jobs..")
		.layer("capabilities").definedBy("..livelihood.ingest..", "..livelihood.validate..", "..livelihood.warehouse..",
				"..livelihood.reconcile..", "..livelihood.report..")
		.layer("catalogue").definedBy("..livelihood.catalogue..")
		.layer("system").definedBy("..livelihood.system..")
		.whereLayer("ops").mayOnlyBeAccessedByLayers("application")
		.whereLayer("schedule").mayOnlyBeAccessedByLayers("ops")
		.whereLayer("jobs").mayOnlyBeAccessedByLayers("schedule", "ops")
		.whereLayer("capabilities").mayOnlyBeAccessedByLayers("jobs", "schedule", "ops", "capabilities")
		.whereLayer("catalogue").mayOnlyBeAccessedByLayers("capabilities", "jobs", "schedule", "ops")
		.whereLayer("system").mayOnlyBeAccessedByLayers("catalogue", "capabilities", "jobs", "schedule", "ops");

	@ArchTest
	static final ArchRule onlyJobsKnowSpringBatch = noClasses().that()
		.resideInAnyPackage("..livelihood.catalogue..", "..livelihood.ingest..", "..livelihood.validate..",
				"..livelihood.warehouse..", "..livelihood.reconcile..", "..livelihood.report..", "..livelihood.system..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.batch..");

	@ArchTest
	static final ArchRule noCyclesBetweenPackages = slices().matching("cn.zibo.livelihood.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule readersKnowOnlyFiles = noClasses().that()
		.resideInAPackage("..livelihood.ingest.read..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.zibo.livelihood", "..livelihood.ingest", "..livelihood.catalogue..", "..livelihood.validate..",
				"..livelihood.warehouse..", "..livelihood.report..", "..livelihood.reconcile..", "..livelihood.ops..",
				"..livelihood.schedule..", "..livelihood.jobs..", "..livelihood.system..");

	@ArchTest
	static final ArchRule receiptsTemplatesAndTheWorkbookAreApart = slices().matching("cn.zibo.livelihood.report.(*)..")
		.should()
		.notDependOnEachOther();

	@ArchTest
	static final ArchRule noCatchAllPackages = noClasses().should()
		.resideInAnyPackage("..service..", "..dao..", "..util..", "..utils..", "..helper..");

}
