/** Project templates in PostgreSQL. */
@NullMarked
package app.lockstep.persistence.template;

import org.jspecify.annotations.NullMarked;
