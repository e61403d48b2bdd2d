@NullMarked
package app.lockstep.persistence.shared;

import org.jspecify.annotations.NullMarked;
