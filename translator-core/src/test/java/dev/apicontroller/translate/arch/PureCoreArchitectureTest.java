package dev.apicontroller.translate.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model and the core stay pure: no cluster client, no I/O, no logging, no threads, no clock;
 * and layered: no two packages depend on each other, directly or around a loop.
 */
class PureCoreArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.apicontroller.model", "dev.apicontroller.translate");
  }

  @Test
  void bothPackagesAreImported() {
    Assertions.assertThat(core.containPackage("dev.apicontroller.translate")).isTrue();
    Assertions.assertThat(core.containPackage("dev.apicontroller.model")).isTrue();
  }

  @Test
  void noPackageCycles() {
    // Each package is its own slice: the root package and its subpackages included.
    slices().matching("dev.apicontroller.(**)").should().beFreeOfCycles().check(core);
  }

  @Test
  void noFabric8() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.fabric8..").check(core);
  }

  @Test
  void noHttpClient() {
    noClasses().should().dependOnClassesThat().resideInAPackage("java.net.http..").check(core);
  }

  @Test
  void noFileSystem() {
    noClasses().should().dependOnClassesThat().resideInAPackage("java.nio.file..").check(core);
    noClasses().should().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*").check(core);
  }

  @Test
  void noLogging() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.slf4j..").check(core);
    noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..").check(core);
  }

  @Test
  void noThreads() {
    noClasses().should().dependOnClassesThat().areAssignableTo(Thread.class).check(core);
  }

  @Test
  void userRegexesAreRe2NotJavaUtilRegex() {
    // Envoy checks exclusion regexes with RE2; java.util.regex accepts what the proxy refuses.
    noClasses()
        .that()
        .resideInAPackage("dev.apicontroller.translate..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.util.regex..")
        .check(core);
  }

  @Test
  void noClock() {
    noClasses().should().dependOnClassesThat().areAssignableTo(java.time.Clock.class).check(core);
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.OffsetDateTime.class, "now")
        .orShould()
        .callMethod(java.time.ZonedDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(core);
  }
}
