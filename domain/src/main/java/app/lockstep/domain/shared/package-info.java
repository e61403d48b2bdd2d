@NullMarked
package app.lockstep.domain.shared;

import org.jspecify.annotations.NullMarked;
