@NullMarked
package app.lockstep.persistence.embedded;

import org.jspecify.annotations.NullMarked;
