/**
 * Instance caches kept in step with the database through PostgreSQL LISTEN/NOTIFY.
 */
@NullMarked
package app.lockstep.persistence.cache;

import org.jspecify.annotations.NullMarked;
