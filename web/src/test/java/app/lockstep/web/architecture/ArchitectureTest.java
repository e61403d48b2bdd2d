package app.lockstep.web.architecture;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import app.lockstep.domain.shared.Transactions;
import app.lockstep.domain.shared.UseCase;

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

	/**
	 * A domain class that runs units of work is a use case, and web finds use cases by
	 * scanning for {@link UseCase}: one without it would not be a bean at all.
	 */
	@ArchTest
	static final ArchRule unitsOfWorkAreUseCases = classes().that()
		.resideInAPackage("app.lockstep.domain..")
		.and(DescribedPredicate.describe("keep a Transactions",
				(JavaClass javaClass) -> javaClass.getFields()
					.stream()
					.anyMatch((field) -> field.getRawType().isEquivalentTo(Transactions.class))))
		.should()
		.beAnnotatedWith(UseCase.class);

	/** Spring wires a use case through its one public constructor. */
	@ArchTest
	static final ArchRule useCasesHaveOneConstructor = classes().that()
		.areAnnotatedWith(UseCase.class)
		.should(new ArchCondition<JavaClass>("have exactly one constructor, a public one") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				boolean one = javaClass.getConstructors().size() == 1
						&& javaClass.getConstructors().iterator().next().getModifiers().contains(JavaModifier.PUBLIC);
				events.add(new SimpleConditionEvent(javaClass, one,
						javaClass.getName() + " has " + javaClass.getConstructors().size() + " constructor(s)"));
			}
		});

	/** Use cases are found by scanning, never built by hand in web or persistence. */
	@ArchTest
	static final ArchRule useCasesAreFoundNotBuilt = noClasses().that()
		.resideInAnyPackage("app.lockstep.web..", "app.lockstep.persistence..")
		.should()
		.callConstructorWhere(DescribedPredicate.describe("the constructor of a use case",
				(call) -> call.getTargetOwner().isAnnotatedWith(UseCase.class)));

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
