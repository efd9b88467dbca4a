package org.fondicasa.allocation.municipality;

public record MunicipalityView(String istatCode, String name, String provinceCode, String province, String provinceAbbr,
                               String cadastralCode, int population, boolean highHousingTension, boolean annexE) {

    static MunicipalityView of(Municipality m) {
        return new MunicipalityView(m.istatCode, m.name, m.provinceCode, m.province, m.provinceAbbr, m.cadastralCode, m.population,
                m.highHousingTension, m.annexE);
    }
}
