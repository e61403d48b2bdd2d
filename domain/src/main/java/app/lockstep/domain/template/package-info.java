/**
 * Project templates: environments, gates, windows, deploy target types, shared variable
 * names and a spec skeleton saved once, projects created from them, and the drift of a
 * project from its template with a way to bring it back in line.
 */
@NullMarked
package app.lockstep.domain.template;

import org.jspecify.annotations.NullMarked;
