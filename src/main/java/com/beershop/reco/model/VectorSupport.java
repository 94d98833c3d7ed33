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
     * @param what        what a warning calls the loop
     * @param vectorClass the vector implementation's class name: a no-argument constructor, which throws
     *                    {@link IllegalStateException} with the reason where the CPU does not suit it
     */
    public static <T> T fastest(String what, Class<T> type, String vectorClass, T scalar) {
        // no line for the choice: the trainer's log line names the kernels
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return scalar;
        }
        try {
            // package-private, as the loops' other classes: opened here, in the unnamed module
            var constructor = Class.forName(vectorClass).getDeclaredConstructor();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance());
        } catch (InvocationTargetException e) {
            // the CPU does not suit the vector loop: the scalar one is the right choice, not a failure
            return scalar;
        } catch (ReflectiveOperationException | LinkageError e) {
            log.warn("{}: scalar, the vector ones failed to load: {}", what, e.toString());
        }
        return scalar;
    }
}
