/**
 * Kamailio's dialog module (seed manual 001) in the engine, over the sharded dialogs of
 * {@code io.switchboard.actors.dialog}.
 *
 * <p><b>Start-up.</b> {@link io.switchboard.engine.dialog.DialogConfig} reads the journal
 * and dialog settings before the actor system starts and lays the Pekko settings they need over
 * the configuration; {@link io.switchboard.engine.dialog.DialogModule} creates the journal's
 * schema and starts the dialogs, with BYEs sent through the transaction layer
 * ({@link io.switchboard.engine.dialog.ClientTransactionSender}), the event routes
 * ({@link io.switchboard.engine.dialog.DialogEventRoutes}), the {@code dialog:*} statistics and
 * the {@code dlg.*} commands ({@link io.switchboard.engine.dialog.DialogCommands}), and the
 * bridges of {@code dlg_bridge} and {@code dlg.bridge_dlg}
 * ({@link io.switchboard.engine.dialog.DialogBridge}), the engine's own calls.
 *
 * <p><b>The hot path.</b> {@link io.switchboard.engine.dialog.RequestDialog} is the dialog side of
 * one request: an INVITE the route manages gets the cookie in its Record-Route
 * ({@link io.switchboard.engine.dialog.DidCookie}) and is tracked when relayed; its replies, and
 * the requests within the dialog, are told to the dialog. Nothing the proxy does waits for a
 * dialog or the journal; only the route's questions ({@code is_known_dlg()}, {@code $DLG_status},
 * {@code $DLG_lifetime}) are asks, bounded by {@code dialog.ask-timeout}, in a form that holds the
 * call's lane and one that suspends the route instead.
 */
package io.switchboard.engine.dialog;
