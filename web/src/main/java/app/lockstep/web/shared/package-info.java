@NullMarked
package app.lockstep.web.shared;

import org.jspecify.annotations.NullMarked;
