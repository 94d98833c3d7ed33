package com.beershop.reco.check;

import com.beershop.reco.config.InventoryProperties;
import com.beershop.reco.ingest.IdPolicy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the job compares ids as the database does. On SQL Server the id columns' collation decides: under a
 * {@code _CI} collation {@code U1}, {@code u1} and {@code u1 } are one key, so the job must merge them too. Every id
 * column must compare alike, the staging table's too: a staging key that merges what the ratings keep apart would
 * reject the run's rows.
 */
final class IdComparisonCheck implements DatabaseCheck {

    private final InventoryProperties inventory;
    private final Optional<IdPolicy> configured;

    IdComparisonCheck(InventoryProperties inventory, Optional<IdPolicy> configured) {
        this.inventory = inventory;
        this.configured = configured;
    }

    @Override
    public String name() {
        return "id comparison";
    }

    @Override
    public List<CheckResult> run(CheckContext context) throws SQLException {
        Optional<String> query = context.dialect().columnCollation();
        if (query.isEmpty()) {
            IdPolicy database = context.dialect().idPolicyFor(null);
            return List.of(verdict(Map.of(), database, configured));
        }
        Map<String, String> collations = new LinkedHashMap<>();
        var r = inventory.ratings();
        var p = inventory.products();
        var live = inventory.recommendations();
        for (String[] column : new String[][]{{r.table(), r.userColumn()}, {r.table(), r.productColumn()},
                {p.table(), p.idColumn()}, {live.table(), live.userColumn()}, {live.table(), live.productColumn()},
                // the job's staging key, created with the database's default collation
                {"reco_staging", "user_id"}, {"reco_staging", "product_id"}}) {
            Object collation = context.single(query.get(), column[0], column[1]);
            if (collation != null) {
                collations.put(column[0] + "." + column[1], collation.toString());
            }
        }
        String liveUser = live.table() + "." + live.userColumn();
        IdPolicy database = context.dialect().idPolicyFor(collations.getOrDefault(liveUser,
                collations.values().stream().findFirst().orElse(null)));
        List<String> policies = new ArrayList<>();
        collations.values().stream().map(context.dialect()::idPolicyFor).distinct().forEach(x -> policies.add(x.name()));
        if (policies.size() > 1) {
            return List.of(CheckResult.failed(name(), "the id columns compare differently " + collations
                    + ": an id can match in one table and not in another; give them one collation"));
        }
        return List.of(verdict(collations, database, configured));
    }

    static CheckResult verdict(Map<String, String> collations, IdPolicy database, Optional<IdPolicy> configured) {
        String name = "id comparison";
        String where = collations.isEmpty() ? ""
                : " (collation " + String.join(", ", collations.values().stream().distinct().toList()) + ")";
        Optional<String> accentBlind = collations.values().stream()
                .filter(c -> c.toUpperCase(Locale.ROOT).contains("_AI")).findFirst();
        if (accentBlind.isPresent()) {
            return CheckResult.failed(name, "collation " + accentBlind.get() + " ignores accents: ids that differ only"
                    + " in accents are one key to the database but two to the job; use an accent-sensitive (_AS) collation");
        }
        IdPolicy effective = configured.orElse(database);
        if (effective != database) {
            return CheckResult.failed(name, "reco.input.id-policy=" + effective + " but the database compares ids as "
                    + database + where + ": ids one side treats as equal the other keeps apart; remove the setting");
        }
        return CheckResult.ok(name, "ids compared " + database + where + ", as the database does"
                + (configured.isPresent() ? " (reco.input.id-policy)" : ""));
    }
}
