@NullMarked
package app.lockstep.persistence.project;

import org.jspecify.annotations.NullMarked;
