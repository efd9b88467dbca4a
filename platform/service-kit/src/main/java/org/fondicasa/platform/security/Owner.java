package org.fondicasa.platform.security;

/**
 * Whom an object belongs to, as far as access goes.
 *
 * @param municipality the ISTAT code of its municipality; null for the region's own (a regional call)
 * @param person       the fiscal code of the citizen it is about, if it is about one
 * @param filedBy      the user name of the desk operator who filed it for that citizen, if one did
 */
public record Owner(String municipality, String person, String filedBy) {

    /** A municipality itself, or an object of one that is about nobody in particular. */
    public static Owner municipality(String istatCode) {
        return new Owner(istatCode, null, null);
    }

    /** An object of the region's own (no municipality). */
    public static Owner region() {
        return new Owner(null, null, null);
    }

    /** An object about a person: of a municipality (or null for the region's), filed by a desk operator or not (null). */
    public static Owner personal(String municipality, String fiscalCode, String filedBy) {
        return new Owner(municipality, fiscalCode, filedBy);
    }
}
