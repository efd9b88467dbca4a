package org.fondicasa.testing;

import java.util.ArrayList;
import java.util.List;

/** What a launcher started, stopped in reverse order; one failing stop does not keep the others running. */
public final class StartedServers implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();

    public synchronized <T extends AutoCloseable> T add(T server) {
        started.add(server);
        return server;
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        started.clear();
    }
}
