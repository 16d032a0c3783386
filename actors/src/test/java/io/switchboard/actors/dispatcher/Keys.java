package io.switchboard.actors.dispatcher;

/** {@link RequestKeys} given outright, for the tests. */
record Keys(String callId, String fromUri, String toUri, String requestUri, String authUsername, String hashPvar,
        boolean isInvite) implements RequestKeys {

    static Keys invite(String callId) {
        return new Keys(callId, "sip:alice@atlanta.com", "sip:bob@biloxi.com", "sip:bob@biloxi.com", null, null, true);
    }

    Keys withFrom(String from) {
        return new Keys(callId, from, toUri, requestUri, authUsername, hashPvar, isInvite);
    }

    Keys withTo(String to) {
        return new Keys(callId, fromUri, to, requestUri, authUsername, hashPvar, isInvite);
    }

    Keys withRequestUri(String uri) {
        return new Keys(callId, fromUri, toUri, uri, authUsername, hashPvar, isInvite);
    }

    Keys withAuth(String user) {
        return new Keys(callId, fromUri, toUri, requestUri, user, hashPvar, isInvite);
    }

    Keys withPvar(String value) {
        return new Keys(callId, fromUri, toUri, requestUri, authUsername, value, isInvite);
    }

    Keys notInvite() {
        return new Keys(callId, fromUri, toUri, requestUri, authUsername, hashPvar, false);
    }
}
