package app.lockstep.domain.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An application use case; web finds these by component scanning.
 * <p>
 * It also marks the few small collaborators use cases share (such as
 * {@code deploy.DeploymentPlaces} or {@code window.WindowCheck}): they are found and
 * wired the same way, one instance each. A class marked so has exactly one public
 * constructor, taking the ports and collaborators it uses (and, for plain settings, one
 * small record the web module provides).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UseCase {

}
