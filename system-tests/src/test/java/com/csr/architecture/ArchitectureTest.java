package com.csr.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The import rules of the code, held by a test instead of by hope: no two packages depend on each other (the
 * services' included: this module depends on them all), each library uses only the libraries below it and none of
 * the frameworks it must not carry, and no service names another's classes. (Maven holds the arrows
 * between modules; this holds the packages within them, and what a module's classes may name.)
 */
class ArchitectureTest {

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the libraries' test jars (fixtures this module's own tests use) are not the code under the rules
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("com.csr");

    private static final String[] FRAMEWORKS = {"io.quarkus..", "jakarta..", "io.smallrye..", "org.eclipse..",
            "io.micrometer..", "io.opentelemetry..", "org.jboss.."};
    private static final String[] ML = {"org.tribuo..", "ml.dmlc..", "org.mlflow..", "com.oracle.labs.."};
    private static final String[] STORES = {"software.amazon..", "com.google.cloud..", "org.sqlite..",
            "org.apache.kafka..", "org.rocksdb.."};

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("com.csr.(**)").should().beFreeOfCycles().check(CODE);
    }

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage("com.csr.domain..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(FRAMEWORKS, ML, STORES, others("domain"))).check(CODE);
    }

    @Test
    void theContractsNameOnlyTheDomain() {
        noClasses().that().resideInAPackage("com.csr.contracts..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(FRAMEWORKS, ML, STORES, others("domain", "contracts"))).check(CODE);
    }

    @Test
    void thePlatformKeepsNoModelsAndNoFramework() {
        noClasses().that().resideInAPackage("com.csr.platform..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(FRAMEWORKS, ML, others("domain", "contracts", "platform"))).check(CODE);
    }

    @Test
    void theModelsNeedNoStoreNoBrokerAndNoFramework() {
        noClasses().that().resideInAPackage("com.csr.ml..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(FRAMEWORKS, STORES, others("domain", "ml"))).check(CODE);
    }

    @Test
    void theServiceKitServesNoModel() {
        noClasses().that().resideInAPackage("com.csr.kit..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(ML, others("domain", "contracts", "platform", "kit"))).check(CODE);
    }

    @Test
    void theGeneratorWritesFilesFromTheDomainAlone() {
        noClasses().that().resideInAPackage("com.csr.generator..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(FRAMEWORKS, ML, STORES, others("domain", "generator"))).check(CODE);
    }

    private static final String[] SERVICES = {"com.csr.ingest..", "com.csr.feature..", "com.csr.segment..",
        "com.csr.churn..", "com.csr.ltv..", "com.csr.gateway.."};

    @Test
    void theIngestAndFeatureServicesAndTheGatewayServeNoModel() {
        noClasses().that().resideInAnyPackage("com.csr.ingest..", "com.csr.feature..", "com.csr.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(ML,
                        new String[] {"com.csr.ml..", "com.csr.modelservice.."})).check(CODE);
    }

    @Test
    void aServiceTalksToAnotherOverHttpOrKafkaNeverThroughItsClasses() {
        for (String service : SERVICES) {
            noClasses().that().resideInAPackage(service).should().dependOnClassesThat()
                    .resideInAnyPackage(Arrays.stream(SERVICES).filter(s -> !s.equals(service))
                            .toArray(String[]::new))
                    // the segment and ltv services are configuration alone: no classes of their own
                    .allowEmptyShould(true).check(CODE);
        }
    }

    @Test
    void noLibraryNamesAService() {
        noClasses().that().resideInAnyPackage("com.csr.domain..", "com.csr.contracts..", "com.csr.platform..",
                "com.csr.ml..", "com.csr.kit..", "com.csr.modelservice..", "com.csr.generator..", "com.csr.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES).check(CODE);
    }

    private static final String[] MODULES = {"domain", "contracts", "platform", "ml", "kit", "modelservice",
            "generator", "cli", "ingest", "feature", "segment", "churn", "ltv", "gateway"};

    /** The packages of every module but the ones named. */
    private static String[] others(String... allowed) {
        Set<String> ok = Set.of(allowed);
        return Arrays.stream(MODULES).filter(m -> !ok.contains(m)).map(m -> "com.csr." + m + "..")
                .toArray(String[]::new);
    }

    private static String[] concat(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
