package io.switchboard.engine.management;

/**
 * What an {@link RpcCommand} does. The result is written as the JSON-RPC {@code result} with
 * Jackson: {@code null}, strings, numbers, booleans, maps, lists, records and beans. A large
 * answer should be an {@link java.util.Iterator} or a lazy {@link Iterable}: it is written item by
 * item straight onto the HTTP response (chunked), never built whole in memory (issue 4).
 *
 * <p>Handlers run on a thread of their own, not on a Netty event loop, so one may wait for an
 * actor's answer, always with a deadline.
 */
@FunctionalInterface
public interface RpcHandler {

    /**
     * @throws RpcException a failure the caller should see, with its code and message
     */
    Object call(RpcArguments arguments) throws RpcException;
}
