package org.fondicasa.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The target as CPU: on a machine where everything shares the same cores, a rate of 0.5 × pgbench's ceiling leaves each
 * application at most {@code cores / (0.5 × ceiling)} of the machine's CPU. Set beside it what the same run measured
 * for the parts every application must pay whatever intake does: the HTTP layer with a fresh citizen token (the
 * driver check, client, broker and issuer included) and PostgreSQL writing an application's write set batched. What
 * is left of the budget after those two is all that request JSON, checks, events, the relay, the broker and the
 * funding pass may cost together. Whole-machine CPU (busy share × cores) per request, so nothing is left out.
 */
record MachineBudget(int cores, double ceilingPerSecond, List<Part> parts) {

    /** One thing measured in the run: machine CPU per request (ms) at the rate it was measured at. */
    record Part(String name, double perSecond, double machineBusy, boolean floor) {
        double msEach(int cores) {
            return perSecond <= 0 ? Double.NaN : machineBusy * cores / perSecond * 1000;
        }
    }

    /** Machine CPU per application (ms) that a rate of 0.5 × the ceiling leaves, with the machine fully busy. */
    double budgetMs() {
        return cores / (Results.TARGET_RATIO * ceilingPerSecond) * 1000;
    }

    /** The parts every application pays (HTTP with a token, the write set batched), added up. */
    double floorMs() {
        return parts.stream().filter(Part::floor).mapToDouble(p -> p.msEach(cores)).sum();
    }

    /** The rate the machine could reach, fully busy, if an application cost only the floor, as a ratio to the ceiling. */
    double floorRatio() {
        return cores / floorMs() * 1000 / ceilingPerSecond;
    }

    static MachineBudget of(int cores, PgbenchCeiling.Run ceiling, Results.OpenStep httpAlone, List<Yardsticks.Run> yardsticks,
                            Results.OpenStep intake) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("a durable single-row insert (pgbench's ceiling, for scale)", ceiling.tps(), ceiling.machineBusy(), false));
        if (httpAlone != null) {
            parts.add(new Part("`GET /me` with a fresh citizen token (the HTTP layer alone, at its highest sustained rate)",
                    httpAlone.step().achievedPerSecond(), httpAlone.step().cpu().machineBusy(), true));
        }
        yardsticks.stream().filter(r -> r.name().startsWith("an application's write set") && r.rowsPerTransaction() > 1)
                .max((a, b) -> Double.compare(a.rowsPerSecond(), b.rowsPerSecond()))
                .ifPresent(r -> parts.add(new Part(r.name() + " (pgbench)", r.rowsPerSecond(), r.machineBusy(), true)));
        if (intake != null) {
            parts.add(new Part("an application through intake, at its highest sustained rate (everything)",
                    intake.step().achievedPerSecond(), intake.step().cpu().machineBusy(), false));
        }
        return new MachineBudget(cores, ceiling.tps(), List.copyOf(parts));
    }

    /** Both floor parts were measured (the HTTP layer alone sustained a step, the batched write set ran). */
    boolean complete() {
        return parts.stream().filter(Part::floor).count() == 2;
    }
}
