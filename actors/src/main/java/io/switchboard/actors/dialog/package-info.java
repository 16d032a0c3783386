/**
 * Kamailio's dialog module (seed manual 001) as a sharded, event-sourced actor per call.
 *
 * <p><b>States and events.</b> {@link io.switchboard.actors.dialog.DialogState} has Kamailio's
 * numbers; {@link io.switchboard.actors.dialog.DialogTransitions} is the pure state machine,
 * {@link io.switchboard.actors.dialog.Dialog#apply} the pure event handler, and an event not valid
 * in a state is logged and ignored.
 *
 * <p><b>What is written when.</b> Kamailio writes neither the early nor the deleted state (section
 * 3), and here a call costs few writes: call setup (INVITE, provisional replies, a failure, the
 * early timeout, {@code dlg_set_timeout} before the answer) stays in memory; the 2xx writes the
 * setup and the answer in one atomic write ({@code Created} + {@code Answered}); then the ACK, each
 * request that raises a party's CSeq, a timeout change, a profile change, a variable, flag or
 * context change ({@code AttributesChanged}; those made during setup go into the answer's write)
 * and the end are written. A node that dies
 * during setup loses the setup, as Kamailio would, and the UAs finish the call anyway.
 *
 * <p><b>Timers.</b> The dialog holds absolute deadlines (early, no-ACK, lifetime, end). After
 * every change, and after recovery, one timer is armed for the next deadline, so one that passed
 * while the node was down fires at once: {@code early-timeout} ends an unanswered dialog; the
 * lifetime, or {@code noack-timeout} plus 10 s, an answered one, first sending BYE both ways when
 * {@code send-bye} or the dialog's {@code timeoutBye} is on (the dialog ends when the BYEs are
 * answered, or after 32 s, so a node that dies in between sends them again after recovery);
 * {@code end-timeout} after the end the entity deletes its events and passivates. The next
 * keep-alive round ({@code ka-src}/{@code ka-dst}, see {@link io.switchboard.actors.dialog.KeepAlives})
 * is one more deadline of that timer; it follows from the journaled answer time, so recovery
 * re-arms it without a write of its own.
 *
 * <p><b>Nodes.</b> {@link io.switchboard.actors.dialog.Dialogs} starts sharding; with a durable
 * journal the shards remember their entities, so dialogs run again after a restart without a
 * message. {@link io.switchboard.actors.dialog.DialogDirectory} and
 * {@link io.switchboard.actors.dialog.DialogStatistics} are one node's view.
 */
package io.switchboard.actors.dialog;
