package com.beershop.reco.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;

/**
 * Picks between a loop's vector implementation (the JDK's incubating Vector API) and its scalar one, once per JVM
 * and loop. The vector one is taken where the JVM was started with {@code --add-modules jdk.incubator.vector} (the
 * image, the tests and the benchmark are) and its constructor accepts the CPU; it is loaded by name, so a JVM without
 * the module never links it. Both give the same results: only the speed differs.
 */
public final class VectorSupport {

    private static final Logger log = LoggerFactory.getLogger(VectorSupport.class);
    private static final String MODULE = "jdk.incubator.vector";

    private VectorSupport() {
    }

    /**
     * @param what        what the log calls the loop
     * @param vectorClass the vector implementation's class name: a no-argument constructor, which throws
     *                    {@link IllegalStateException} with the reason where the CPU does not suit it
     */
    public static <T> T fastest(String what, Class<T> type, String vectorClass, T scalar) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            log.info("{}: scalar (start java with --add-modules {} for the vector ones)", what, MODULE);
            return scalar;
        }
        try {
            // package-private, as the loops' other classes: opened here, in the unnamed module
            var constructor = Class.forName(vectorClass).getDeclaredConstructor();
            constructor.setAccessible(true);
            T vector = type.cast(constructor.newInstance());
            log.info("{}: vector", what);
            return vector;
        } catch (InvocationTargetException e) {
            log.info("{}: scalar ({})", what, e.getCause().getMessage());
        } catch (ReflectiveOperationException | LinkageError e) {
            log.warn("{}: scalar, the vector ones failed to load: {}", what, e.toString());
        }
        return scalar;
    }
}
