@NullMarked
package app.lockstep.persistence.window;

import org.jspecify.annotations.NullMarked;
