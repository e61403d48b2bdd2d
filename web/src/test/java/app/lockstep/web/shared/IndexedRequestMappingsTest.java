package app.lockstep.web.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import app.lockstep.web.testing.LockstepTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed lookup finds, for a path made from every route the application has, with
 * each of its methods, the same handler as Spring's full search; and the config poll is
 * found without trying every route.
 */
@LockstepTest
class IndexedRequestMappingsTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyRouteIsFoundAsSpringWouldFindIt() throws Exception {
		assertThat(this.handlerMapping).isInstanceOf(IndexedRequestMappings.class);
		IndexedRequestMappings mappings = (IndexedRequestMappings) this.handlerMapping;
		List<String> checked = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<PathPattern> patterns = (info.getPathPatternsCondition() != null)
					? info.getPathPatternsCondition().getPatterns() : Set.of();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (PathPattern pattern : patterns) {
				String path = pattern.getPatternString()
					.replaceAll("\\{\\*[^}]+}", "a/b")
					.replace("**", "a/b")
					.replaceAll("\\{[^}]+}", "x1")
					.replace("*", "x2");
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
					MockHttpServletRequest same = new MockHttpServletRequest(method.name(), path);
					ServletRequestPathUtils.parseAndCache(request);
					ServletRequestPathUtils.parseAndCache(same);
					HandlerMethod indexed = indexedOrNone(mappings, path, request);
					HandlerMethod full = fullOrNone(mappings, path, same);
					assertThat(describe(indexed)).as(method + " " + path).isEqualTo(describe(full));
					checked.add(method + " " + path);
				}
			}
		}
		assertThat(checked).hasSizeGreaterThan(100);
	}

	// A route that Spring finds ambiguous or refuses (405, 415) must be so both ways.
	private static HandlerMethod indexedOrNone(IndexedRequestMappings mappings, String path,
			MockHttpServletRequest request) {
		try {
			return mappings.lookupHandlerMethod(path, request);
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static HandlerMethod fullOrNone(IndexedRequestMappings mappings, String path,
			MockHttpServletRequest request) {
		try {
			return mappings.fullSearch(path, request);
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static String describe(HandlerMethod handler) {
		return (handler != null) ? handler.getShortLogMessage() : "none";
	}

}
