package app.lockstep.web.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import app.lockstep.web.testing.LockstepTest;
import org.springframework.boot.test.context.SpringBootTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The rules the tests themselves follow. */
@AnalyzeClasses(packages = "app.lockstep", importOptions = ImportOption.OnlyIncludeTests.class)
class TestConventionsTest {

	/**
	 * A test that needs the application uses {@link LockstepTest}, never a bare
	 * {@code @SpringBootTest}: every other set of properties or beans would build (and
	 * keep) one more application context, seconds each.
	 */
	@ArchTest
	static final ArchRule springBootTestsUseTheProjectAnnotation = classes().that()
		.areAnnotatedWith(SpringBootTest.class)
		.should()
		.be(LockstepTest.class)
		.because("web tests share one application context: annotate them with @LockstepTest");

}
