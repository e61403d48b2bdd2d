@NullMarked
package app.lockstep.web.audit;

import org.jspecify.annotations.NullMarked;
