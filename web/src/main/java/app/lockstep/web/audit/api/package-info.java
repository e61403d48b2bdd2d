@NullMarked
package app.lockstep.web.audit.api;

import org.jspecify.annotations.NullMarked;
