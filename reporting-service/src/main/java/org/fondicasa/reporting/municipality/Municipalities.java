package org.fondicasa.reporting.municipality;

import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.platform.reference.PugliaMunicipalities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Names and provinces of Puglia's 257 municipalities (ISTAT, {@link PugliaMunicipalities} in domain-kit). */
@ApplicationScoped
public class Municipalities {

    public record Municipality(String istatCode, String name, String province, String provinceAbbr) {
    }

    private final Map<String, Municipality> byCode = new HashMap<>();

    public Municipalities() {
        try (BufferedReader in = PugliaMunicipalities.open()) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                byCode.put(f[0], new Municipality(f[0], f[1], f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("municipality reference data", e);
        }
    }

    public Optional<Municipality> find(String istatCode) {
        return Optional.ofNullable(byCode.get(istatCode));
    }

    public String name(String istatCode) {
        return find(istatCode).map(Municipality::name).orElse(istatCode);
    }
}
