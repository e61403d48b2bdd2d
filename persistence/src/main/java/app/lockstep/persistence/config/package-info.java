@NullMarked
package app.lockstep.persistence.config;

import org.jspecify.annotations.NullMarked;
