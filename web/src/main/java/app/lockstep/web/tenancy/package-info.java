@NullMarked
package app.lockstep.web.tenancy;

import org.jspecify.annotations.NullMarked;
