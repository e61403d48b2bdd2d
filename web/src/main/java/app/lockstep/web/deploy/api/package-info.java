/** The deployments JSON API. */
@NullMarked
package app.lockstep.web.deploy.api;

import org.jspecify.annotations.NullMarked;
