package org.fondicasa.platform.time;

import java.time.ZoneId;

/** The region's legal time: deadlines, report dates and days of submission are days in Rome, whatever the server's zone. */
public final class RomeTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

    private RomeTime() {
    }
}
