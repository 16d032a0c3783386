package io.switchboard.actors.htable;

import io.switchboard.persistence.CborSerializable;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change asked of one hash table, applied by the owner ({@link HtableOwner}) in the order it
 * receives them. Each is one of Kamailio's write functions (htable README §4, §6).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
@JsonSubTypes({
    @JsonSubTypes.Type(value = HtableOp.Set.class, name = "set"),
    @JsonSubTypes.Type(value = HtableOp.Add.class, name = "add"),
    @JsonSubTypes.Type(value = HtableOp.Delete.class, name = "delete"),
    @JsonSubTypes.Type(value = HtableOp.Expire.class, name = "expire"),
    @JsonSubTypes.Type(value = HtableOp.RemoveMatching.class, name = "remove-matching"),
    @JsonSubTypes.Type(value = HtableOp.Flush.class, name = "flush")
})
public sealed interface HtableOp extends CborSerializable {

    /** The one key the operation touches, or null for one on many keys. */
    String key();

    /**
     * {@code $sht(t=>k) = v}, {@code htable.sets}/{@code seti}; with {@code seconds > 0}
     * {@code sht_setxs}/{@code sht_setxi}.
     */
    record Set(String key, HtValue value, long seconds) implements HtableOp {
    }

    /** {@code $shtinc}/{@code $shtdec}: add {@code delta} to an integer. */
    record Add(String key, long delta) implements HtableOp {
    }

    /** {@code sht_rm}, {@code $sht(t=>k) = $null}, {@code htable.delete}. */
    record Delete(String key) implements HtableOp {
    }

    /** {@code $shtex(t=>k) = seconds}: expire the item then (0: never). */
    record Expire(String key, long seconds) implements HtableOp {
    }

    /**
     * {@code sht_rm_name_re} ({@code byValue} false) and {@code sht_rm_value_re} ({@code byValue}
     * true): delete the items whose name, or string value, matches the POSIX-style extended
     * regular expression, case-insensitively and anywhere in the text, as {@code regexec} does.
     */
    record RemoveMatching(String regex, boolean byValue) implements HtableOp {
        @Override
        public String key() {
            return null;
        }
    }

    /** {@code sht_reset}, {@code htable.flush}: delete every item. */
    record Flush() implements HtableOp {
        @Override
        public String key() {
            return null;
        }
    }
}
