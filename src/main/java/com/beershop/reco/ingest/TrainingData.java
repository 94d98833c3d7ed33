package com.beershop.reco.ingest;

import com.beershop.reco.model.IdDictionary;
import com.beershop.reco.model.InteractionMatrix;

/**
 * Everything the model steps need from ingestion: the ratings matrix with its id dictionaries, and which item
 * indexes may be recommended (active products of the catalogue).
 */
public record TrainingData(IdDictionary users, IdDictionary products, InteractionMatrix ratings,
                           boolean[] recommendable) {

    public int recommendableCount() {
        int count = 0;
        for (boolean r : recommendable) {
            if (r) {
                count++;
            }
        }
        return count;
    }
}
