@NullMarked
package app.lockstep.persistence.twofactor;

import org.jspecify.annotations.NullMarked;
