/**
 * Access control: who is acting ({@link app.lockstep.domain.access.Caller}), the
 * permissions a use case asks for, and the roles that grant them. Every feature depends
 * on it; it depends on nothing but {@code shared}.
 */
@NullMarked
package app.lockstep.domain.access;

import org.jspecify.annotations.NullMarked;
