package io.switchboard.persistence;

/**
 * Marks a message, event or state that Pekko serializes with Jackson CBOR: everything that is
 * written to the journal or sent between cluster nodes. The binding is in this module's
 * {@code reference.conf} ({@code pekko.actor.serialization-bindings}).
 *
 * <p>Versions: the serializer writes the class name into the manifest, and the version too when a
 * {@code org.apache.pekko.serialization.jackson.JacksonMigration} is bound to the class under
 * {@code pekko.serialization.jackson.migrations}; data written before the migration existed reads
 * as version 1 and passes through the migration's {@code transform}. A type that changes shape
 * gets such a migration (add a field with a default, rename, split) instead of a new class name.
 */
public interface CborSerializable {
}
