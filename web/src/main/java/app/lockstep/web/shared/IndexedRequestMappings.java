package app.lockstep.web.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, found without trying every one. A path with variables
 * (such as the config a deployer polls, {@code /api/v1/orgs/{org}/projects/...}) made
 * Spring check each of the application's few hundred mappings, a quarter of the CPU of a
 * config poll. Here each pattern is filed under its number of segments and its last
 * segment (when that is literal); a request tries only the patterns filed under its own
 * path's, plus those that can span segments ({@code **}). When none of those matches, or
 * two tie, Spring's full search decides, so every answer (including 404, 405, 415 and
 * CORS preflights) is the one Spring would give. It keeps htmx-spring-boot's
 * {@code @HxRequest} conditions.
 */
class IndexedRequestMappings extends HtmxRequestMappingHandlerMapping {

	private record Candidate(RequestMappingInfo info, HandlerMethod handler) {
	}

	private record Shape(int segments, String last) {
	}

	private static final String ANY = "\u0000any";

	private volatile @Nullable Map<Shape, List<Candidate>> index;

	private volatile List<Candidate> spanning = List.of();

	@Override
	public void afterPropertiesSet() {
		super.afterPropertiesSet();
		this.index = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
		super.registerMapping(mapping, handler, method);
		this.index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.index = null;
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		if (CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		List<Candidate> matches = new ArrayList<>(2);
		for (List<Candidate> candidates : candidates(lookupPath)) {
			for (Candidate candidate : candidates) {
				RequestMappingInfo matching = getMatchingMapping(candidate.info(), request);
				if (matching != null) {
					matches.add(new Candidate(matching, candidate.handler()));
				}
			}
		}
		if (matches.isEmpty()) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		Candidate best = matches.get(0);
		if (matches.size() > 1) {
			Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
			matches.sort((a, b) -> comparator.compare(a.info(), b.info()));
			best = matches.get(0);
			if (comparator.compare(best.info(), matches.get(1).info()) == 0) {
				// Ambiguous: Spring says so in its own words.
				return super.lookupHandlerMethod(lookupPath, request);
			}
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
		handleMatch(best.info(), lookupPath, request);
		return best.handler();
	}

	/** What {@link #lookupHandlerMethod} would be without the index (for tests). */
	@Nullable HandlerMethod fullSearch(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	private List<List<Candidate>> candidates(String path) {
		Map<Shape, List<Candidate>> shapes = this.index;
		if (shapes == null) {
			shapes = build();
		}
		String[] segments = path.split("/", -1);
		String last = segments[segments.length - 1];
		return List.of(shapes.getOrDefault(new Shape(segments.length, last), List.of()),
				shapes.getOrDefault(new Shape(segments.length, ANY), List.of()), this.spanning);
	}

	private synchronized Map<Shape, List<Candidate>> build() {
		Map<Shape, List<Candidate>> shapes = new HashMap<>();
		List<Candidate> spans = new ArrayList<>();
		getHandlerMethods().forEach((info, handler) -> {
			Candidate candidate = new Candidate(info, handler);
			Set<PathPattern> patterns = (info.getPathPatternsCondition() != null)
					? info.getPathPatternsCondition().getPatterns() : Set.of();
			if (patterns.isEmpty()) {
				spans.add(candidate);
				return;
			}
			for (PathPattern pattern : patterns) {
				String text = pattern.getPatternString();
				if (text.contains("**") || text.contains("{*")) {
					spans.add(candidate);
					continue;
				}
				String[] segments = text.split("/", -1);
				String last = segments[segments.length - 1];
				boolean literal = !last.contains("{") && !last.contains("*") && !last.contains("?");
				shapes.computeIfAbsent(new Shape(segments.length, literal ? last : ANY), (s) -> new ArrayList<>())
					.add(candidate);
			}
		});
		this.spanning = List.copyOf(spans);
		this.index = shapes;
		return shapes;
	}

}
