@NullMarked
package app.lockstep.persistence.token;

import org.jspecify.annotations.NullMarked;
