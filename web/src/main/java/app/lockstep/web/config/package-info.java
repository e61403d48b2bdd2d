@NullMarked
package app.lockstep.web.config;

import org.jspecify.annotations.NullMarked;
