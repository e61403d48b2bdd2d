@NullMarked
package app.lockstep.web.account;

import org.jspecify.annotations.NullMarked;
