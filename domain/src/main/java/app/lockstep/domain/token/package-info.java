/**
 * API tokens: created by a member, shown once, stored as a hash, acting as their creator
 * limited to their scopes (and to one project or environment when given).
 */
@NullMarked
package app.lockstep.domain.token;

import org.jspecify.annotations.NullMarked;
