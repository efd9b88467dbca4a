package org.fondicasa.local;

import org.fondicasa.client.allocation.api.FundsApi;
import org.fondicasa.client.allocation.api.QuotasFinAFinBFinCApi;
import org.fondicasa.client.allocation.api.SplitRipartoApi;
import org.fondicasa.client.allocation.model.Declaration;
import org.fondicasa.client.allocation.model.FundRequest;
import org.fondicasa.client.allocation.model.FundView;
import org.fondicasa.client.allocation.model.NeedView;
import org.fondicasa.client.allocation.model.QuotaRequest;
import org.fondicasa.client.allocation.model.ShareView;
import org.fondicasa.client.allocation.model.SplitView;
import org.fondicasa.client.application.api.CallBudgetsApi;
import org.fondicasa.client.application.model.BudgetSourceView;
import org.fondicasa.client.reporting.api.LedgerApi;
import org.fondicasa.client.reporting.model.LedgerLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Java clients generated at build time from the services' OpenAPI documents (openapi-generator, library native)
 * drive a flow against the running system: the documents are a contract a client can be built from, not only docs.
 */
@ExtendWith(SharedSystem.class)
class GeneratedClientIT {

    private static final String BISCEGLIE = "110003";
    private static final String CASARANO = "075016";

    static LocalSystem system;

    @BeforeAll
    static void start(LocalSystem shared) {
        system = shared;
    }

    @Test
    void theRegionCreatesAFundAndPublishesItsSplitAndAMunicipalityDeclaresItsQuotaThroughTheGeneratedClients() throws Exception {
        var region = allocation(system.token("regione"));
        String fund = "GEN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        FundView created = new FundsApi(region).createFund(new FundRequest().code(fund).title("generated client")
                .legalAct("DGR 1724/2020").year(2020).amount(new BigDecimal("10000.00"))
                .bonusReserve(new BigDecimal("0.00")).minimumShare(new BigDecimal("0.00")));
        assertThat(created.getCode()).isEqualTo(fund);
        assertThat(created.getAmount()).isEqualByComparingTo("10000.00");

        SplitRipartoApi split = new SplitRipartoApi(region);
        split.replaceNeeds(fund, List.of(new NeedView().istatCode(BISCEGLIE).need(new BigDecimal("600.00")),
                new NeedView().istatCode(CASARANO).need(new BigDecimal("400.00"))));
        SplitView published = split.publishSplit(fund);
        assertThat(published.getAllocated()).isEqualByComparingTo("10000.00");
        BigDecimal share = published.getShares().stream().filter(s -> s.getIstatCode().equals(BISCEGLIE))
                .map(ShareView::getShare).findFirst().orElseThrow();
        assertThat(share).isEqualByComparingTo("6000.00");
        assertThat(split.getPublishedSplit(fund).getId()).isEqualTo(published.getId());

        // Bisceglie's operator divides the share: 60% Fin_a, 25% Fin_b, the rest Fin_c
        BigDecimal finA = share.multiply(new BigDecimal("0.60")).setScale(2, RoundingMode.DOWN);
        BigDecimal finB = share.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.DOWN);
        BigDecimal finC = share.subtract(finA).subtract(finB);
        Declaration declared = new QuotasFinAFinBFinCApi(allocation(system.token("op-bisceglie")))
                .declareQuota(fund, BISCEGLIE, new QuotaRequest().finA(finA).finB(finB).finC(finC));
        assertThat(declared.getRevision()).isEqualTo(1);
        assertThat(declared.getShare()).isEqualByComparingTo(share);
        assertThat(declared.getFinA()).isEqualByComparingTo(finA);

        // the other two services' clients see the quota arrive through the events (a 404 until the fund arrives)
        var budgets = new CallBudgetsApi(application(system.token("op-bisceglie")));
        await().atMost(Duration.ofSeconds(60)).ignoreException(org.fondicasa.client.application.ApiException.class)
                .until(() -> budgets.listBudgetSources(BISCEGLIE).stream().map(BudgetSourceView::getFundCode).anyMatch(fund::equals));
        var ledger = new LedgerApi(reporting(system.token("regione")));
        await().atMost(Duration.ofSeconds(60)).ignoreException(org.fondicasa.client.reporting.ApiException.class)
                .until(() -> ledger.getLedger(fund, BISCEGLIE).stream().map(LedgerLine::getFinA)
                        .anyMatch(a -> a != null && a.compareTo(finA) == 0));
    }

    private static org.fondicasa.client.allocation.ApiClient allocation(String token) {
        var client = new org.fondicasa.client.allocation.ApiClient();
        client.updateBaseUri(system.url("allocation"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static org.fondicasa.client.application.ApiClient application(String token) {
        var client = new org.fondicasa.client.application.ApiClient();
        client.updateBaseUri(system.url("application"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static org.fondicasa.client.reporting.ApiClient reporting(String token) {
        var client = new org.fondicasa.client.reporting.ApiClient();
        client.updateBaseUri(system.url("reporting"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
