package com.beershop.reco.check;

import com.beershop.reco.config.InventoryProperties;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** What tonight's run would find: ratings, products, active products, live rows. Too little to train on fails. */
final class CountsCheck implements DatabaseCheck {

    private final InventoryProperties inventory;
    private final int minRatings;

    CountsCheck(InventoryProperties inventory, int minRatings) {
        this.inventory = inventory;
        this.minRatings = minRatings;
    }

    @Override
    public String name() {
        return "counts";
    }

    @Override
    public List<CheckResult> run(CheckContext context) throws SQLException {
        var p = inventory.products();
        long ratings = context.count("SELECT COUNT(*) FROM " + inventory.ratings().table());
        long products = context.count("SELECT COUNT(*) FROM " + p.table());
        long active = context.count("SELECT COUNT(*) FROM " + p.table() + " WHERE " + p.activeColumn() + " = ?", true);
        long live = context.count("SELECT COUNT(*) FROM " + inventory.recommendations().table());
        String counts = String.format(Locale.ROOT, "%,d ratings, %,d products (%,d active), %,d live rows",
                ratings, products, active, live);
        if (ratings < minRatings) {
            return List.of(CheckResult.failed(name(), counts + ": fewer ratings than reco.input.min-ratings="
                    + minRatings + ", the run would refuse its input"));
        }
        if (active == 0) {
            return List.of(CheckResult.failed(name(), counts + ": no active product to recommend"));
        }
        return List.of(CheckResult.ok(name(), counts));
    }
}
