package io.switchboard.engine.route;

import io.switchboard.actors.dlgs.DlgsTable;
import io.switchboard.actors.htable.HashTables;
import io.switchboard.engine.dialog.DialogModule;

/**
 * The engine's modules a route reaches through its context: the hash tables
 * ({@link RequestContext#htable()}), the stateless call tracker ({@link RequestContext#dlgs()}) and
 * the dialogs ({@link RequestContext#dlgManage()} and the other dialog functions).
 */
public record RouteModules(HashTables htable, DlgsTable dlgs, DialogModule dialogs) {
}
