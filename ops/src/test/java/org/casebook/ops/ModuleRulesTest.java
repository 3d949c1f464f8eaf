package org.casebook.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module rules: the shared language has no framework but Axon's annotations; the two sides never meet. */
class ModuleRulesTest {

    private static final JavaClasses CASEBOOK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.casebook");

    @Test
    void sharedEventsHaveNoSpring() {
        noClasses().that().resideInAPackage("org.casebook.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .check(CASEBOOK);
    }

    @Test
    void sharedEventsKnowNeitherSide() {
        noClasses().that().resideInAPackage("org.casebook.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.casebook.command..", "org.casebook.query..",
                        "org.casebook.ops..")
                .check(CASEBOOK);
    }

    @Test
    void theCommandSideNeverSeesTheQuerySide() {
        noClasses().that().resideInAPackage("org.casebook.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.casebook.query..", "org.casebook.ops..")
                .check(CASEBOOK);
    }

    @Test
    void theQuerySideNeverSeesTheCommandSide() {
        noClasses().that().resideInAPackage("org.casebook.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.casebook.command..", "org.casebook.ops..")
                .check(CASEBOOK);
    }
}
