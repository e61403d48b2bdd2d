@NullMarked
package app.lockstep.web.demo;

import org.jspecify.annotations.NullMarked;
