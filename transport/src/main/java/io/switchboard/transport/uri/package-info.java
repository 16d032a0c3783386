/**
 * The URIs SIP carries (RFC 3261 §19.1, §25.1): {@link io.switchboard.transport.uri.SipUri} for
 * sip and sips, {@link io.switchboard.transport.uri.TelUri} for tel (RFC 3966) and
 * {@link io.switchboard.transport.uri.AbsoluteUri} for every other scheme, all behind the sealed
 * {@link io.switchboard.transport.uri.Uri}.
 *
 * <p>Parsing is one hand-written pass over the text that records where each component lies;
 * components are copied, and unescaped, only when asked for. Every URI keeps its text, so one the
 * proxy did not change is written back exactly as received. Bad input ends in a
 * {@link io.switchboard.transport.parse.SipParseException} whose message names the problem.
 */
package io.switchboard.transport.uri;
