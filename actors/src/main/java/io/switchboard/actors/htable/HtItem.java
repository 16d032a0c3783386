package io.switchboard.actors.htable;

import io.switchboard.persistence.CborSerializable;

/**
 * One item of a hash table: its value and when it expires (Kamailio's {@code ht_cell_t}).
 *
 * @param value the value
 * @param expires when it expires, in milliseconds since the epoch; 0 for never
 */
public record HtItem(HtValue value, long expires) implements CborSerializable {

    public HtItem {
        if (value == null) {
            throw new IllegalArgumentException("an item needs a value");
        }
    }

    /** True when {@code now} (epoch milliseconds) has reached the expiry. */
    public boolean isExpiredAt(long now) {
        return expires != 0 && now >= expires;
    }
}
