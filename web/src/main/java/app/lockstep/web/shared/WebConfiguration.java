package app.lockstep.web.shared;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
