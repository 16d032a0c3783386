package io.switchboard.actors.htable;

/**
 * Marks what the hash-table owner and the replicas on other nodes exchange: written as Jackson CBOR
 * (bound in the engine's {@code reference.conf}, {@code pekko.actor.serialization-bindings}).
 */
public interface HtableSerializable {
}
