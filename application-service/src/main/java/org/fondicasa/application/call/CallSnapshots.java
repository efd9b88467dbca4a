package org.fondicasa.application.call;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of a call that never change after publication (kind, municipality, window, rules), parsed once and kept
 * in memory: on opening day every application needs them, and reading and parsing them each time would be the
 * slowest part of intake.
 */
@ApplicationScoped
public class CallSnapshots {

    public record Snapshot(UUID id, CallKind kind, String istatCode, String fundCode, String legalAct,
                           OffsetDateTime opensAt, OffsetDateTime closesAt, CallRules rules) {
    }

    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final CallService calls;

    public CallSnapshots(CallService calls) {
        this.calls = calls;
    }

    public Snapshot of(UUID callId) {
        Snapshot known = snapshots.get(callId);
        if (known != null) {
            return known;
        }
        Call call = calls.require(callId);
        Snapshot snapshot = new Snapshot(call.id, call.kind, call.istatCode, call.fundCode, call.legalAct, call.opensAt,
                call.closesAt, calls.rules(call));
        snapshots.put(callId, snapshot);
        return snapshot;
    }
}
