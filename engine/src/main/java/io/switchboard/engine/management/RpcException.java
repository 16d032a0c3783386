package io.switchboard.engine.management;

/**
 * A JSON-RPC error (JSON-RPC 2.0 §5.1): the code and a message a person can act on. Handlers
 * throw it for a failure of their own (Kamailio's {@code rpc->fault(ctx, 500, "...")}); the
 * endpoint throws it for the protocol errors, whose codes are the specification's.
 */
public final class RpcException extends Exception {

    /** Invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON sent is not a valid request object. */
    public static final int INVALID_REQUEST = -32600;
    /** The method does not exist. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** Invalid method parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** The handler failed. */
    public static final int INTERNAL_ERROR = -32603;

    private final int code;

    public RpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A -32602 error; the message names the parameter. */
    public static RpcException invalidParams(String message) {
        return new RpcException(INVALID_PARAMS, message);
    }

    public int code() {
        return code;
    }
}
