@NullMarked
package app.lockstep.persistence.audit;

import org.jspecify.annotations.NullMarked;
