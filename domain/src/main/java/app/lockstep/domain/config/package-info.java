@NullMarked
package app.lockstep.domain.config;

import org.jspecify.annotations.NullMarked;
