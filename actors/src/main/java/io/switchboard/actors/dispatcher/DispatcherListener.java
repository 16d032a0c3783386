package io.switchboard.actors.dispatcher;

/**
 * Told of the {@link DispatcherEvent}s the registry raises, on the registry's thread: an
 * implementation hands the event on and returns at once.
 */
@FunctionalInterface
public interface DispatcherListener {

    void onEvent(DispatcherEvent event);
}
