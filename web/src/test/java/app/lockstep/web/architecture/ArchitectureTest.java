package app.lockstep.web.architecture;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules the module boundaries cannot enforce by themselves. */
@AnalyzeClasses(packages = "app.lockstep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/**
	 * A domain port: an interface of the domain implemented by the persistence module.
	 */
	private static final DescribedPredicate<JavaClass> DOMAIN_PORTS = DescribedPredicate.describe(
			"domain ports implemented in persistence",
			(javaClass) -> javaClass.isInterface() && javaClass.getPackageName().startsWith("app.lockstep.domain")
					&& javaClass.getAllSubclasses()
						.stream()
						.anyMatch((impl) -> impl.getPackageName().startsWith("app.lockstep.persistence")));

	@ArchTest
	static final ArchRule domainIsFrameworkFree = noClasses().that()
		.resideInAPackage("app.lockstep.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.jooq..", "jakarta..", "tools.jackson..",
				"app.lockstep.persistence..", "app.lockstep.web..");

	/**
	 * Feature packages of the domain ({@code tenancy}, {@code audit}, {@code deploy}, …)
	 * depend on each other in one direction only: access control lives in {@code access}
	 * and the tenant's identity in {@code shared}, which every feature may use.
	 */
	@ArchTest
	static final ArchRule domainFeaturesAreFreeOfCycles = slices().matching("app.lockstep.domain.(*)..")
		.namingSlices("domain feature '$1'")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule persistenceDoesNotKnowTheWeb = noClasses().that()
		.resideInAPackage("app.lockstep.persistence..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("app.lockstep.web..", "jakarta.servlet..");

	@ArchTest
	static final ArchRule controllersLiveInTheWebModule = classes().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.resideInAPackage("app.lockstep.web..");

	@ArchTest
	static final ArchRule controllersGoThroughUseCases = noClasses().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat(DOMAIN_PORTS)
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("app.lockstep.persistence..", "org.jooq..");

	@ArchTest
	static final ArchRule timeComesFromTheInjectedClock = noClasses().should()
		.callMethod(Instant.class, "now")
		.orShould()
		.callMethod(LocalDateTime.class, "now")
		.orShould()
		.callMethod(LocalDate.class, "now")
		.orShould()
		.callMethod(ZonedDateTime.class, "now")
		.orShould()
		.callMethod(OffsetDateTime.class, "now")
		.orShould()
		.callMethod(System.class, "currentTimeMillis");

}
