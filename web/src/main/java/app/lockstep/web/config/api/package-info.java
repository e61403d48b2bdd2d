@NullMarked
package app.lockstep.web.config.api;

import org.jspecify.annotations.NullMarked;
