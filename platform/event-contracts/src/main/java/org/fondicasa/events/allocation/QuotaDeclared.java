package org.fondicasa.events.allocation;

/** A municipality split its share into Fin_a (COVID rent call), Fin_b (housing agencies) and Fin_c (ordinary call). */
public record QuotaDeclared(String fundCode, String istatCode, Integer revision, String share, String finA,
                            String finB, String finC) implements AllocationEvent {
    public static final String TYPE = "QuotaDeclared";
    public static final int VERSION = 1;

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public int schemaVersion() {
        return VERSION;
    }

    @Override
    public String subject() {
        return istatCode;
    }

    @Override
    public void accept(Handler handler) {
        handler.quotaDeclared(this);
    }
}
