/** jOOQ adapter for organizations' single sign-on providers and email domains. */
@NullMarked
package app.lockstep.persistence.sso;

import org.jspecify.annotations.NullMarked;
