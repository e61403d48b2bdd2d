package app.lockstep.web.shared;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.Nulls;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * How requests are bounded and errors answered outside the controllers: the input filter
 * (body limits, parameters), Tomcat's own error reports, and the fail-fast database
 * connections.
 */
@Configuration(proxyBeanMethods = false)
class RequestHandlingConfiguration {

	/**
	 * Right after the character encoding is set, before anything (the form filter for PUT
	 * forms, Spring Security's CSRF check) reads a body or a parameter.
	 */
	static final int INPUT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	FilterRegistrationBean<RequestInputFilter> requestInputFilter() {
		FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(
				new RequestInputFilter());
		registration.setOrder(INPUT_FILTER_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SessionStoreOutageFilter> sessionStoreOutageFilter() {
		FilterRegistrationBean<SessionStoreOutageFilter> registration = new FilterRegistrationBean<>(
				new SessionStoreOutageFilter());
		registration.setOrder(SessionStoreOutageFilter.ORDER);
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
				jakarta.servlet.DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * No {@code null} items in the lists and maps of a JSON body (see
	 * {@link JsonBodies}).
	 */
	@Bean
	JsonMapperBuilderCustomizer noNullItems() {
		return (builder) -> builder.changeDefaultNullHandling((nulls) -> nulls.withContentNulls(Nulls.FAIL));
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorReports() {
		return new TomcatErrorReports();
	}

	@Bean
	static BeanPostProcessor failFastDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof FailFastDataSource))
						? new FailFastDataSource(dataSource) : bean;
			}
		};
	}

	/**
	 * Replaces Tomcat's error report valve (and the one Spring Boot adds) with
	 * {@link TomcatErrorReportValve}. Ordered last, so it runs after Spring Boot's own
	 * customizer has added its valve.
	 */
	static final class TomcatErrorReports
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Container host = context.getParent();
				if (host instanceof StandardHost standardHost) {
					standardHost.setErrorReportValveClass(TomcatErrorReportValve.class.getName());
				}
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof TomcatErrorReportValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
				boolean present = false;
				for (Valve valve : host.getPipeline().getValves()) {
					present |= valve instanceof TomcatErrorReportValve;
				}
				if (!present) {
					host.getPipeline().addValve(new TomcatErrorReportValve());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
