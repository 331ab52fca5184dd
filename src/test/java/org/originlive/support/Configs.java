package org.originlive.support;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@code @ConfigMapping} interface answered from a map, for unit tests of classes that read one. */
public final class Configs {

    private Configs() {}

    /** Each method answers the map's value under its name; a method not in the map fails the test. */
    public static <T> T of(Class<T> mapping, Map<String, Object> values) {
        return mapping.cast(Proxy.newProxyInstance(mapping.getClassLoader(), new Class<?>[] {mapping}, (p, m, a) -> {
            if (!values.containsKey(m.getName())) {
                throw new AssertionError(mapping.getSimpleName() + "." + m.getName() + " is not set in this test");
            }
            return values.get(m.getName());
        }));
    }
}
