package io.switchboard.engine.route;

import io.switchboard.actors.dlgs.DlgsTable;
import io.switchboard.actors.htable.HashTables;

/**
 * The engine's modules a route reaches through its context: the hash tables
 * ({@link RequestContext#htable()}) and the stateless call tracker ({@link RequestContext#dlgs()}).
 */
public record RouteModules(HashTables htable, DlgsTable dlgs) {
}
