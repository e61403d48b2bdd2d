/**
 * The environment timeline page: code, config, deployments, approvals and policy changes
 * of one environment in one stream, filtered by kind, with "Load older" paging.
 */
@NullMarked
package app.lockstep.web.timeline;

import org.jspecify.annotations.NullMarked;
