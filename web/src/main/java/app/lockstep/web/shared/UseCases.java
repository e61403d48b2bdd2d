package app.lockstep.web.shared;

import app.lockstep.domain.shared.UseCase;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Finds the framework-free use cases of the domain: every class marked {@link UseCase}
 * (and nothing else) becomes a bean, its one constructor wired with the ports persistence
 * implements and the beans web provides (clock, ciphers, keys, settings records).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "app.lockstep.domain", useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = UseCase.class))
class UseCases {

}
