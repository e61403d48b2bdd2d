@NullMarked
package app.lockstep.web.project;

import org.jspecify.annotations.NullMarked;
