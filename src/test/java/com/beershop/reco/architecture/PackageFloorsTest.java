package com.beershop.reco.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package structure a reader relies on: feature packages in layers, outcomes at the floor, the root on top. */
class PackageFloorsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.beershop.reco");

    @Test
    void shouldHaveNoCyclesBetweenFeaturePackages() {
        slices().matching("com.beershop.reco.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldKeepTheRootForTheApplicationAndModeDispatchOnly() {
        noClasses().that().resideOutsideOfPackage("com.beershop.reco")
                .should().dependOnClassesThat().resideInAPackage("com.beershop.reco")
                .check(MAIN);
    }

    @Test
    void shouldKeepOutcomesAndExitCodesFreeOfFeaturePackages() {
        noClasses().that().resideInAPackage("com.beershop.reco.outcome..")
                .should().dependOnClassesThat().resideInAnyPackage("com.beershop.reco", "com.beershop.reco.job..",
                        "com.beershop.reco.ingest..", "com.beershop.reco.model..", "com.beershop.reco.evaluation..",
                        "com.beershop.reco.scoring..", "com.beershop.reco.publish..", "com.beershop.reco.tracking..",
                        "com.beershop.reco.schema..", "com.beershop.reco.seed..", "com.beershop.reco.sample..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheAlgorithmCodeFreeOfSpringAndBatch() {
        noClasses().that().resideInAnyPackage("com.beershop.reco.model..", "com.beershop.reco.scoring..",
                        "com.beershop.reco.evaluation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(MAIN);
    }
}
