package app.lockstep.web.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the database round trips the current thread causes: every statement executed and
 * every commit or rollback of a transaction that executed something (pgjdbc sends nothing
 * for a transaction that did nothing). Requests made through MockMvc run on the test's
 * thread, so {@link #during} tells what one request costs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RoundTrips {

	private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

	private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
			"executeLargeUpdate", "executeLargeBatch");

	/** The round trips the work causes on this thread. */
	public static int during(Callable<?> work) throws Exception {
		int before = COUNT.get()[0];
		work.call();
		return COUNT.get()[0] - before;
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
					return proxy(DataSource.class, dataSource,
							(method, result) -> (method.getName().equals("getConnection")
									&& result instanceof Connection connection)
											? new CountingConnection(connection).proxy() : result);
				}
				return bean;
			}
		};
	}

	private interface Wrapper {

		Object wrap(Method method, Object result);

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, Wrapper wrapper) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			try {
				return wrapper.wrap(method, method.invoke(target, arguments));
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static final class CountingConnection {

		private final Connection target;

		private boolean dirty;

		CountingConnection(Connection target) {
			this.target = target;
		}

		Connection proxy() {
			return RoundTrips.proxy(Connection.class, this.target, (method, result) -> {
				String name = method.getName();
				if ((name.equals("commit") || name.equals("rollback")) && this.dirty) {
					COUNT.get()[0]++;
					this.dirty = false;
				}
				if (result instanceof Statement statement) {
					Class<?> type = (result instanceof java.sql.CallableStatement) ? java.sql.CallableStatement.class
							: (result instanceof java.sql.PreparedStatement) ? java.sql.PreparedStatement.class
									: Statement.class;
					return RoundTrips.proxy(type, statement, (call, answer) -> {
						if (EXECUTIONS.contains(call.getName())) {
							COUNT.get()[0]++;
							this.dirty = true;
						}
						return answer;
					});
				}
				return result;
			});
		}

	}

}
