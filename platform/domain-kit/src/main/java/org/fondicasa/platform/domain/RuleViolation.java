package org.fondicasa.platform.domain;

/**
 * One rule a domain input breaks: where ({@code field}, a JSON path or a row) and why. The domain core reports these;
 * the web edge turns them into problem+json violations, so the rules never depend on the HTTP layer.
 */
public record RuleViolation(String field, String message) {
}
