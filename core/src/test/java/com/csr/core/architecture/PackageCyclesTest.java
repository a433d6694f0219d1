package com.csr.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The import rules of the shared code, held by a test instead of by hope. */
class PackageCyclesTest {

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.csr.core");

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("com.csr.core.(*)..").should().beFreeOfCycles().check(CODE);
    }
}
