package io.switchboard.engine.route;

import com.typesafe.config.Config;

/**
 * The configuration a route is built with: the whole {@code switchboard} block, so a custom route
 * can read its own settings under it.
 */
public record RouteSettings(Config switchboard) {
}
