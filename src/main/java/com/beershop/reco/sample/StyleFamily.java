package com.beershop.reco.sample;

import java.util.List;

/**
 * Groups of beer styles that drinkers tend to like together. A user's taste is a weight per family, so the
 * families are the latent structure a recommender has to discover from co-ratings.
 */
enum StyleFamily {

    HOPPY(0.27, 0.28, List.of("IPA", "Double IPA", "Hazy IPA", "West Coast IPA", "Session IPA", "Pale Ale")),
    LAGER(0.18, 0.20, List.of("Pilsner", "Helles", "Lager", "Märzen", "Kölsch", "Vienna Lager", "Bock",
            "Doppelbock")),
    DARK(0.16, 0.15, List.of("Stout", "Imperial Stout", "Milk Stout", "Oatmeal Stout", "Porter", "Baltic Porter")),
    MALTY(0.11, 0.10, List.of("Amber Ale", "Brown Ale", "Barleywine", "Scotch Ale", "ESB", "Irish Red Ale")),
    BELGIAN(0.10, 0.10, List.of("Tripel", "Dubbel", "Quadrupel", "Saison", "Belgian Blonde")),
    SOUR(0.10, 0.09, List.of("Sour", "Gose", "Berliner Weisse", "Lambic", "Gueuze", "Flanders Red")),
    WHEAT(0.08, 0.08, List.of("Hefeweizen", "Witbier", "Dunkelweizen", "Weizenbock"));

    /** Share of the catalogue in this family. */
    final double catalogueShare;
    /** Share of users whose favourite family this is. */
    final double fanShare;
    final List<String> styles;

    StyleFamily(double catalogueShare, double fanShare, List<String> styles) {
        this.catalogueShare = catalogueShare;
        this.fanShare = fanShare;
        this.styles = styles;
    }
}
