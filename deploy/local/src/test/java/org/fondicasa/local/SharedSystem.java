package org.fondicasa.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * One running system for every cross-service test class (starting Keycloak and three services takes a minute):
 * started by the first class that asks for it, stopped when the test run ends (the root store closes it).
 */
final class SharedSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSystem.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(LocalSystem.class,
                key -> LocalSystem.start(LocalSystem.Options.freePorts(Path.of(System.getProperty("fondicasa.root")))),
                LocalSystem.class);
    }
}
