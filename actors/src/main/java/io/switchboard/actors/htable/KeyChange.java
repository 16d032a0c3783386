package io.switchboard.actors.htable;

import io.switchboard.persistence.CborSerializable;

/**
 * What became of one key after an operation or an expiry at the owner: its item now, or null when
 * it is gone. Replicas apply these in the owner's order.
 */
public record KeyChange(String key, HtItem item) implements CborSerializable {
}
