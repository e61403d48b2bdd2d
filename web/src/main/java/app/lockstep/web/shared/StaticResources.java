package app.lockstep.web.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files, each folder at its own path, instead of Spring Boot's catch-all
 * {@code /**} (switched off with {@code spring.web.resources.add-mappings=false}). With
 * the catch-all, the resource URL rewriting behind every {@code @{...}} link in a
 * template looked each page link ({@code /orgs/acme/audit/events/42}, the organization
 * switcher's) up in every jar of the class path, on every render: only hits are cached
 * (spring-framework#34014). Now only links under these folders are looked up, once.
 * Webjars keep their version-less URLs ({@code /webjars/htmx.org/dist/htmx.min.js}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	static final String[] FOLDERS = { "css", "js", "img" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.resourceChain(true);
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true);
	}

}
