package org.fondicasa.platform.reference;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * ISTAT's list of Puglia's 257 municipalities, a classpath resource kept once for every module (source in the
 * README.md beside it). Columns: istat_code, name, province_code, province, province_abbr, cadastral_code, population.
 */
public final class PugliaMunicipalities {

    public static final String RESOURCE = "puglia-municipalities.csv";

    private PugliaMunicipalities() {
    }

    /** The CSV from its header line on, UTF-8. */
    public static BufferedReader open() {
        InputStream in = PugliaMunicipalities.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE + " beside " + PugliaMunicipalities.class.getName());
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
