package io.switchboard.engine;

import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.route.ProxyRoute;
import io.switchboard.engine.route.Route;
import io.switchboard.engine.route.RouteSettings;
import java.lang.reflect.InvocationTargetException;

/**
 * Builds the route named by {@code switchboard.route}: {@code proxy} for the built-in
 * {@link ProxyRoute}, or a class implementing {@link Route} with a constructor taking
 * {@link RouteSettings} or none.
 */
final class RouteFactory {

    private RouteFactory() {
    }

    static Route create(String name, RouteSettings settings) {
        if (name.equals("proxy")) {
            return new ProxyRoute(settings);
        }
        Class<?> type;
        try {
            type = Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new SettingsException("setting switchboard.route: no route named '" + name
                    + "' (use proxy or a class name on the class path)");
        }
        if (!Route.class.isAssignableFrom(type)) {
            throw new SettingsException("setting switchboard.route: " + name + " does not implement " + Route.class.getName());
        }
        try {
            try {
                return (Route) type.getConstructor(RouteSettings.class).newInstance(settings);
            } catch (NoSuchMethodException e) {
                return (Route) type.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw new SettingsException("setting switchboard.route: " + name
                    + " needs a public constructor taking RouteSettings or nothing");
        } catch (InvocationTargetException e) {
            throw new SettingsException("setting switchboard.route: " + name + " failed to start: " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new SettingsException("setting switchboard.route: cannot create " + name + ": " + e, e);
        }
    }
}
