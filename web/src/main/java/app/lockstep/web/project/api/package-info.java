@NullMarked
package app.lockstep.web.project.api;

import org.jspecify.annotations.NullMarked;
