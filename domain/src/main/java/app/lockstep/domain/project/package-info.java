@NullMarked
package app.lockstep.domain.project;

import org.jspecify.annotations.NullMarked;
