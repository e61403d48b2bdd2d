@NullMarked
package app.lockstep.domain.tenancy;

import org.jspecify.annotations.NullMarked;
