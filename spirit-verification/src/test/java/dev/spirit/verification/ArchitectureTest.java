package dev.spirit.verification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.SpiritException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.storage.SpiritStore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The architecture of Spirit as executable rules, checked over the main classes of every module.
 * Each rule states one design decision; a change that breaks it fails the build.
 */
@DisplayName("Spirit's architecture")
class ArchitectureTest {

  /** Packages of modules that sit on top of core, not inside it. */
  private static final List<String> NON_CORE_PREFIXES =
      List.of(
          "dev.spirit.storage.file",
          "dev.spirit.storage.jdbc",
          "dev.spirit.storage.tck",
          "dev.spirit.micrometer",
          "dev.spirit.spring.boot",
          "dev.spirit.examples",
          "dev.spirit.benchmarks",
          "dev.spirit.verification");

  /** Libraries and platform packages that are implementation details of core, never its API. */
  private static final Set<String> FORBIDDEN_IN_CORE_API =
      Set.of(
          "java.sql",
          "javax.sql",
          "java.nio.file",
          "com.fasterxml.jackson",
          "com.hankcs",
          "org.apache.lucene");

  private static final DescribedPredicate<JavaClass> IN_CORE =
      DescribedPredicate.describe("in spirit-core", ArchitectureTest::isCore);

  private static final DescribedPredicate<JavaClass> CORE_INTERNAL =
      DescribedPredicate.describe(
          "in an internal package of spirit-core",
          c -> isCore(c) && (c.getPackageName() + ".").contains(".internal."));

  private static JavaClasses all;
  private static JavaClasses core;

  @BeforeAll
  static void importClasses() {
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.spirit");
    core = all.that(IN_CORE);
  }

  private static boolean isCore(JavaClass c) {
    String pkg = c.getPackageName();
    if (!pkg.equals("dev.spirit") && !pkg.startsWith("dev.spirit.")) {
      return false;
    }
    return NON_CORE_PREFIXES.stream().noneMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
  }

  @Test
  @DisplayName("the rules see the classes of every module they are about")
  void importsEveryModule() {
    // Guards the other rules against passing vacuously on an empty class path.
    org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(30);
    org.assertj.core.api.Assertions.assertThat(all.containPackage("dev.spirit.storage.tck"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(all.containPackage("dev.spirit.examples")).isTrue();
    org.assertj.core.api.Assertions.assertThat(all.containPackage("dev.spirit.micrometer"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(all.containPackage("dev.spirit.spring.boot"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(all.containPackage("dev.spirit.examples.boot"))
        .isTrue();
  }

  @Test
  @DisplayName("spirit-core uses no JDBC at all")
  void coreHasNoJdbc() {
    noClasses()
        .that(IN_CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..")
        .because("storage details belong to backends; core talks to them only through the SPI")
        .check(core);
  }

  @Test
  @DisplayName(
      "spirit-core's public API exposes no java.sql, java.nio.file, Jackson or HanLP types")
  void coreApiExposesNoImplementationTypes() {
    codeUnits()
        .that()
        .areDeclaredInClassesThat(publicApiOfCore())
        .and()
        .arePublic()
        .should(notExposeForbiddenTypes())
        .check(core);
    codeUnits()
        .that()
        .areDeclaredInClassesThat(publicApiOfCore())
        .and()
        .areProtected()
        .should(notExposeForbiddenTypes())
        .allowEmptyShould(true)
        .check(core);
  }

  @Test
  @DisplayName("spirit-core has no package cycles")
  void coreIsFreeOfCycles() {
    slices().matching("dev.spirit.(*)..").should().beFreeOfCycles().check(core);
  }

  @Test
  @DisplayName("storage backends, integrations and examples use core only through its public API")
  void backendsAndExamplesUseNoCoreInternals() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.spirit.storage.file..",
            "dev.spirit.storage.jdbc..",
            "dev.spirit.storage.tck..",
            "dev.spirit.micrometer..",
            "dev.spirit.spring.boot..",
            "dev.spirit.examples..")
        .should()
        .dependOnClassesThat(CORE_INTERNAL)
        .allowEmptyShould(true)
        .check(all);
  }

  @Test
  @DisplayName("every public exception type Spirit defines extends SpiritException")
  void exceptionsExtendSpiritException() {
    // Private exceptions that a class uses for its own control flow never reach a caller.
    classes()
        .that()
        .areAssignableTo(Throwable.class)
        .and()
        .arePublic()
        .and()
        .resideOutsideOfPackages("dev.spirit.examples..", "dev.spirit.benchmarks..")
        .should()
        .beAssignableTo(SpiritException.class)
        .check(all);
  }

  @Test
  @DisplayName("public methods of core declare only SpiritException subclasses in throws clauses")
  void coreDeclaresOnlySpiritExceptions() {
    codeUnits()
        .that()
        .areDeclaredInClassesThat(publicApiOfCore())
        .and()
        .arePublic()
        .should(declareOnlySpiritExceptions())
        .check(core);
  }

  /** The record-level methods of the storage SPI whose rules live in core ({@code StoreRules}). */
  private static final Set<String> RULE_METHODS =
      Set.of(
          "insertCampaign",
          "updateCampaign",
          "insert",
          "insertAll",
          "update",
          "addReaction",
          "attachLexicon");

  private static final DescribedPredicate<JavaClass> STORE_BACKEND =
      DescribedPredicate.describe(
          "storage backends (implementations of SpiritStore)",
          c -> c.isAssignableTo(SpiritStore.class) && !c.isInterface());

  @Test
  @DisplayName("storage backends do not override the SPI methods whose rules live in core")
  void backendsLeaveTheRulesToCore() {
    classes().that(STORE_BACKEND).should(notDeclareRuleMethods()).check(all);
  }

  @Test
  @DisplayName(
      "storage backends construct no rule-violation exception: core does, with its message")
  void backendsConstructNoRuleExceptions() {
    noClasses()
        .that(STORE_BACKEND)
        .should()
        .callConstructor(AlreadyExistsException.class, String.class)
        .orShould()
        .callConstructor(NotFoundException.class, String.class)
        .orShould()
        .callConstructor(VersionConflictException.class, String.class, long.class, long.class)
        .check(all);
  }

  private static ArchCondition<JavaClass> notDeclareRuleMethods() {
    return new ArchCondition<>("not declare " + RULE_METHODS) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        c.getMethods().stream()
            .filter(
                m ->
                    RULE_METHODS.contains(m.getName())
                        && m.getModifiers().contains(JavaModifier.PUBLIC))
            .forEach(
                m ->
                    events.add(
                        SimpleConditionEvent.violated(
                            m, m.getFullName() + " overrides a rule that core owns")));
      }
    };
  }

  private static DescribedPredicate<JavaClass> publicApiOfCore() {
    return DescribedPredicate.describe(
        "public types of spirit-core outside internal packages",
        c ->
            isCore(c)
                && c.getModifiers().contains(JavaModifier.PUBLIC)
                && !(c.getPackageName() + ".").contains(".internal."));
  }

  private static ArchCondition<JavaCodeUnit> notExposeForbiddenTypes() {
    return new ArchCondition<>("not expose java.sql, java.nio.file, Jackson or HanLP types") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        java.util.Set<JavaClass> involved = new java.util.HashSet<>();
        involved.addAll(unit.getReturnType().getAllInvolvedRawTypes());
        unit.getParameterTypes().forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
        for (JavaClass type : involved) {
          String pkg = type.getPackageName();
          boolean forbidden =
              FORBIDDEN_IN_CORE_API.stream()
                  .anyMatch(f -> pkg.equals(f) || pkg.startsWith(f + "."));
          if (forbidden) {
            events.add(
                SimpleConditionEvent.violated(
                    unit, unit.getFullName() + " exposes " + type.getName() + " in its signature"));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaCodeUnit> declareOnlySpiritExceptions() {
    return new ArchCondition<>("declare only SpiritException subclasses") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        unit.getThrowsClause()
            .getTypes()
            .forEach(
                thrown -> {
                  if (!thrown.isAssignableTo(SpiritException.class)) {
                    events.add(
                        SimpleConditionEvent.violated(
                            unit, unit.getFullName() + " declares " + thrown.getName()));
                  }
                });
      }
    };
  }
}
