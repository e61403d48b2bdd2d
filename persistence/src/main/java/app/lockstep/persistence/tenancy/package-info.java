@NullMarked
package app.lockstep.persistence.tenancy;

import org.jspecify.annotations.NullMarked;
