/** jOOQ adapters for code changes, artifacts and project webhooks. */
@NullMarked
package app.lockstep.persistence.code;

import org.jspecify.annotations.NullMarked;
