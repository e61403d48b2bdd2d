package app.lockstep.web.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A GreenMail SMTP server for one test, and the mail sender that {@code spring.mail.host}
 * would create, registered in the shared test context for that test only (a property
 * would make a context of its own). Lockstep looks the sender up at each send, so it
 * finds this one until {@link #close()} removes it.
 */
public final class TestMailServer implements AutoCloseable {

	private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private final DefaultListableBeanFactory beans;

	private final String name;

	private TestMailServer(ApplicationContext context, String name) {
		this.beans = (DefaultListableBeanFactory) ((ConfigurableApplicationContext) context).getBeanFactory();
		this.name = name;
		this.greenMail.start();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(this.greenMail.getSmtp().getPort());
		this.beans.registerSingleton(name, sender);
	}

	/** Starts the server and registers its sender under {@code name}. */
	public static TestMailServer start(ApplicationContext context, String name) {
		return new TestMailServer(context, name);
	}

	public GreenMail greenMail() {
		return this.greenMail;
	}

	@Override
	public void close() {
		this.beans.destroySingleton(this.name);
		this.greenMail.stop();
	}

}
