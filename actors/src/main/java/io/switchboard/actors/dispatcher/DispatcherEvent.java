package io.switchboard.actors.dispatcher;

/**
 * {@code event_route[dispatcher:dst-down]} and {@code event_route[dispatcher:dst-up]} (seed
 * manual 002, section 8): a destination became inactive or disabled, or usable again, through a
 * probe or {@code ds_mark_dst}. Carries what Kamailio's {@code $dsv} gives the event route.
 *
 * @param kind which event
 * @param setId the set of the destination ({@code $dsv(group)})
 * @param uri the destination ({@code $dsv(uri)})
 * @param code the status code that decided it ({@code $dsv(code)}): a probe's answer, 408 for a
 *     probe that timed out, 500 for one that could not be sent
 * @param reason its reason phrase, or empty ({@code $dsv(reason)})
 */
public record DispatcherEvent(Kind kind, int setId, String uri, int code, String reason) {

    /** The two events, with their route names. */
    public enum Kind {
        DST_DOWN("dispatcher:dst-down"),
        DST_UP("dispatcher:dst-up");

        private final String route;

        Kind(String route) {
            this.route = route;
        }

        /** The event route's name, {@code dispatcher:dst-down} or {@code dispatcher:dst-up}. */
        public String route() {
            return route;
        }
    }

    /** The event route's name. */
    public String name() {
        return kind.route();
    }
}
