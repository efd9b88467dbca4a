package org.fondicasa.reporting.export;

import jakarta.enterprise.context.ApplicationScoped;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.security.Roles;
import org.fondicasa.platform.web.ProblemException;
import org.fondicasa.reporting.ledger.KnownFund;
import org.fondicasa.reporting.ledger.Ledger;
import org.fondicasa.reporting.ledger.LedgerReader;
import org.fondicasa.reporting.municipality.Municipalities;
import org.fondicasa.reporting.report.Beneficiary;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The region's exports of a fund: the annexes with beneficiaries (personal data, restricted) and open data (aggregates). */
@ApplicationScoped
public class ExportService {

    static final String ORDINARY_CALLS = "RENT_SUPPORT";

    private final LedgerReader ledger;
    private final Municipalities municipalities;

    public ExportService(LedgerReader ledger, Municipalities municipalities) {
        this.ledger = ledger;
        this.municipalities = municipalities;
    }

    /** The annexes of one municipality (its operators and the region) or of all (the region only). */
    public List<AnnexWorkbook.Municipality> annexes(String fundCode, String istatCode, Caller caller) {
        KnownFund fund = fund(fundCode);
        if (istatCode == null && !caller.has(Roles.REGION_OFFICER)) {
            throw ProblemException.forbidden("Only the region exports every municipality; give your istatCode");
        }
        if (istatCode != null) {
            caller.requireMunicipality(istatCode);
        }
        Map<String, List<Beneficiary>> byMunicipality = (istatCode == null
                ? Beneficiary.<Beneficiary>list("fundCode = ?1 and callKind = ?2", fund.code, ORDINARY_CALLS)
                : Beneficiary.<Beneficiary>list("fundCode = ?1 and callKind = ?2 and istatCode = ?3", fund.code, ORDINARY_CALLS, istatCode))
                .stream().collect(Collectors.groupingBy(b -> b.istatCode));
        Map<String, Ledger.Line> lines = ledger.lines(fund.code);
        TreeSet<String> codes = new TreeSet<>(byMunicipality.keySet());
        if (istatCode != null) {
            codes.add(istatCode);
        }
        List<AnnexWorkbook.Municipality> result = new ArrayList<>();
        for (String code : codes) {
            List<Beneficiary> beneficiaries = byMunicipality.getOrDefault(code, List.of());
            // the summary's money is the ledger's, source by source: resources, committed and paid cannot disagree with it
            Ledger.Line line = lines.get(code);
            MunicipalityMoney money = line == null ? new MunicipalityMoney(0, 0, 0, 0, 0) : MunicipalityMoney.of(fund.code, fund.quotaFund, line);
            result.add(new AnnexWorkbook.Municipality(code, municipalities.name(code),
                    municipalities.find(code).map(Municipalities.Municipality::provinceAbbr).orElse(""),
                    rows("A", beneficiaries), rows("B", beneficiaries), Euro.ofCents(money.resources()),
                    Euro.ofCents(money.committed()), Euro.ofCents(money.paid())));
        }
        return result;
    }

    public String legalAct(String fundCode) {
        return fund(fundCode).legalAct;
    }

    /** The annexes as CSV, Italian style: semicolons, decimal comma. */
    public String annexesCsv(List<AnnexWorkbook.Municipality> annexes) {
        StringBuilder csv = new StringBuilder("Codice ISTAT;Comune;Fascia;" + String.join(";", AnnexRows.HEADERS) + "\n");
        for (AnnexWorkbook.Municipality m : annexes) {
            for (String band : List.of("A", "B")) {
                for (AnnexRows.Row r : "A".equals(band) ? m.bandA() : m.bandB()) {
                    csv.append(String.join(";", m.istatCode(), m.name(), band, String.valueOf(r.progressive()), r.protocolNumber(),
                            String.valueOf(r.householdMembers()), String.valueOf(r.dependentChildren()), it(r.taxableIncome()),
                            it(r.conventionalIncome()), it(r.annualRent()), r.months() == null ? "" : String.valueOf(r.months()),
                            it(r.incidence()), it(r.need()), it(r.granted()), it(r.paid()))).append('\n');
                }
            }
        }
        return csv.toString();
    }

    /**
     * Open data: per municipality, money and counts only; no protocol number, name, fiscal code or IBAN. resources,
     * reserved, committed, available and paid are the ledger's per-source figures summed as the annexes' summary sums them.
     */
    public record OpenDataRow(String istatCode, String municipality, String province, BigDecimal share, BigDecimal finA,
                              BigDecimal finB, BigDecimal finC, BigDecimal finBase, BigDecimal cofin, BigDecimal bonus,
                              BigDecimal resources, BigDecimal reserved, BigDecimal committed, BigDecimal available,
                              BigDecimal granted, BigDecimal revoked, BigDecimal paid, BigDecimal unspent,
                              BigDecimal movedToFinB, BigDecimal movedToHousingAgencies, long beneficiaries) {
    }

    public List<OpenDataRow> openData(String fundCode) {
        KnownFund fund = fund(fundCode);
        Map<String, Long> paidBeneficiaries = Beneficiary.<Beneficiary>list("fundCode", fund.code).stream()
                .filter(b -> b.contribution().signum() > 0).collect(Collectors.groupingBy(b -> b.istatCode, Collectors.counting()));
        return ledger.lines(fund.code).values().stream().map(l -> {
            MunicipalityMoney money = MunicipalityMoney.of(fund.code, fund.quotaFund, l);
            return new OpenDataRow(l.istatCode(), municipalities.name(l.istatCode()),
                    municipalities.find(l.istatCode()).map(Municipalities.Municipality::province).orElse(""),
                    declared(l, Ledger.Kind.SHARE), declared(l, Ledger.Kind.FIN_A), declared(l, Ledger.Kind.FIN_B), declared(l, Ledger.Kind.FIN_C),
                    declared(l, Ledger.Kind.FIN_BASE), declared(l, Ledger.Kind.COFIN), declared(l, Ledger.Kind.BONUS),
                    Euro.ofCents(money.resources()), Euro.ofCents(money.reserved()), Euro.ofCents(money.committed()),
                    Euro.ofCents(money.available()), Euro.ofCents(l.flow(Ledger.Kind.GRANTED)), Euro.ofCents(l.flow(Ledger.Kind.REVOKED)),
                    Euro.ofCents(money.paid()), Euro.ofCents(l.flow(Ledger.Kind.UNSPENT)),
                    Euro.ofCents(l.flow(Ledger.Kind.MOVED_TO_FIN_B)), Euro.ofCents(l.flow(Ledger.Kind.MOVED_TO_HOUSING_AGENCIES)),
                    paidBeneficiaries.getOrDefault(l.istatCode(), 0L));
        }).toList();
    }

    public String openDataCsv(List<OpenDataRow> rows) {
        StringBuilder csv = new StringBuilder("codice_istat;comune;provincia;quota;fin_a;fin_b;fin_c;fin_base;cofin;premialita;"
                + "risorse;riservato;impegnato;disponibile;concesso;revocato;erogato;economie;verso_fin_b;verso_agenzie_casa;beneficiari\n");
        for (OpenDataRow r : rows) {
            csv.append(String.join(";", r.istatCode(), r.municipality(), r.province(), it(r.share()), it(r.finA()), it(r.finB()),
                    it(r.finC()), it(r.finBase()), it(r.cofin()), it(r.bonus()), it(r.resources()), it(r.reserved()),
                    it(r.committed()), it(r.available()), it(r.granted()), it(r.revoked()), it(r.paid()),
                    it(r.unspent()), it(r.movedToFinB()), it(r.movedToHousingAgencies()), String.valueOf(r.beneficiaries()))).append('\n');
        }
        return csv.toString();
    }

    private static List<AnnexRows.Row> rows(String band, List<Beneficiary> beneficiaries) {
        return AnnexRows.ordered(band, beneficiaries.stream().filter(b -> band.equals(b.band))
                .map(b -> new AnnexRows.Row(0, b.protocolNumber, Objects.requireNonNullElse(b.householdSize, 0),
                        Objects.requireNonNullElse(b.dependentChildren, 0), b.referenceIncome, b.conventionalIncome, b.annualRent,
                        b.months, b.incidence, b.need, b.committed(), b.contribution()))
                .toList());
    }

    private static BigDecimal declared(Ledger.Line line, Ledger.Kind kind) {
        return line.declared(kind).map(Euro::ofCents).orElse(null);
    }

    private static final ThreadLocal<DecimalFormat> ITALIAN = ThreadLocal.withInitial(() ->
            new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY)));

    private static String it(BigDecimal value) {
        return value == null ? "" : ITALIAN.get().format(value);
    }

    private static KnownFund fund(String code) {
        KnownFund fund = KnownFund.findById(code);
        if (fund == null) {
            throw ProblemException.notFound("No fund has code " + code);
        }
        return fund;
    }
}
