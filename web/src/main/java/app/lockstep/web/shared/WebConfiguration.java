package app.lockstep.web.shared;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxViewResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final OrgAccessInterceptor orgAccessInterceptor;

	private final ApiScopeInterceptor apiScopeInterceptor;

	private final LayoutModel layoutModel;

	WebConfiguration(OrgAccessInterceptor orgAccessInterceptor, ApiScopeInterceptor apiScopeInterceptor,
			LayoutModel layoutModel) {
		this.orgAccessInterceptor = orgAccessInterceptor;
		this.apiScopeInterceptor = apiScopeInterceptor;
		this.layoutModel = layoutModel;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.orgAccessInterceptor).addPathPatterns("/orgs/**", "/api/v1/orgs/**");
		// After the organization check, so that a token used in another organization is
		// 404.
		registry.addInterceptor(this.apiScopeInterceptor).addPathPatterns("/api/**");
		registry.addInterceptor(this.layoutModel).excludePathPatterns("/api/**");
	}

	/**
	 * Request mappings found through an index (see {@link IndexedRequestMappings}); the
	 * rest as htmx-spring-boot registers it (Spring Boot uses a registration only when it
	 * is the one, or the primary one).
	 */
	@Bean
	@Primary
	static WebMvcRegistrations indexedRequestMappings(ObjectProvider<HtmxMvcAutoConfiguration> htmx) {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new IndexedRequestMappings();
			}

			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return htmx.getObject().getRequestMappingHandlerAdapter();
			}

			@Override
			public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
				return htmx.getObject().getExceptionHandlerExceptionResolver();
			}
		};
	}

	/**
	 * {@code redirect:htmx:…} view names: htmx-spring-boot registers its resolver only
	 * when some {@code View} bean exists, and this application has none (its error pages
	 * are templates), so without this bean such a name fell through to an ordinary 302.
	 * Ordered as the library orders it, ahead of Thymeleaf's resolver.
	 */
	@Bean
	static HtmxViewResolver htmxViewResolver() {
		HtmxViewResolver resolver = new HtmxViewResolver();
		resolver.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return resolver;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
