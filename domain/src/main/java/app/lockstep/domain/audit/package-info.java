@NullMarked
package app.lockstep.domain.audit;

import org.jspecify.annotations.NullMarked;
