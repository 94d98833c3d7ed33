package com.beershop.reco.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.beershop.reco.model.InteractionMatrix;
import com.beershop.reco.scoring.FixedRanking;
import com.beershop.reco.scoring.ListPicker;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Lists are made in one place: the published table, the gate's hold-out and model selection all go through
 * {@code ListMaker}, so no copy of the fallback rules can drift. The model-agreement meter picks raw lists on purpose
 * (it compares two models' own lists, without fallback).
 */
class OneListPathTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.beershop.reco");

    @Test
    void shouldPickListsOnlyInTheListMaker() {
        noClasses().that().doNotHaveSimpleName("ListMaker")
                .and().doNotHaveSimpleName("ForThread")
                .and().doNotHaveSimpleName("ModelAgreementMeter")
                .should().callMethod(ListPicker.class, "pick",
                        float[].class, boolean[].class, InteractionMatrix.class, int.class, int[].class)
                .orShould().callMethod(ListPicker.class, "pick",
                        FixedRanking.class, boolean[].class, InteractionMatrix.class, int.class, int[].class)
                .check(MAIN);
    }
}
