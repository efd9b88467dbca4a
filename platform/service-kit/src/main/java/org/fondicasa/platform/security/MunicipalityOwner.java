package org.fondicasa.platform.security;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The value is a municipality's ISTAT code: it owns itself. Nothing is looked up, so nothing is revealed either. */
@ApplicationScoped
@Unremovable
public class MunicipalityOwner implements OwnerLookup {

    @Override
    public Optional<Owner> owner(String value) {
        return Optional.of(Owner.municipality(value));
    }

    @Override
    public String describe(String value) {
        return "municipality " + value;
    }

    @Override
    public Visibility visibility() {
        return Visibility.MUNICIPALITY;
    }
}
