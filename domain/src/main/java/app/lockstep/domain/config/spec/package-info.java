/**
 * The infrastructure spec: YAML in the shape of Upsun's .upsun/config.yaml. Reading it
 * against the JSON Schema and the image registry kept as data in resources/upsun, the
 * items it is compared by, and edits that change only the nodes they are about.
 */
@NullMarked
package app.lockstep.domain.config.spec;

import org.jspecify.annotations.NullMarked;
