package com.beershop.reco.job;

import com.beershop.reco.evaluation.EvaluationResult;
import com.beershop.reco.ingest.ProductCatalog;
import com.beershop.reco.ingest.RatingsCollector;
import com.beershop.reco.ingest.TrainingData;
import com.beershop.reco.model.TrainedModel;
import com.beershop.reco.scoring.RecommendationLists;
import com.beershop.reco.tracking.QualityGate;

/**
 * What one job execution hands from step to step. It lives in job scope: large data (millions of ratings, the
 * model) stays in memory rather than in the serialized execution context, and is gone when the execution ends.
 */
public class RunState {

    private final RatingsCollector ratings = new RatingsCollector();
    private ProductCatalog catalog;
    private TrainingData data;
    private EvaluationResult evaluation;
    private EvaluationResult baseline;
    private QualityGate.Verdict verdict;
    private TrainedModel model;
    private RecommendationLists recommendations;
    private long rowsStaged;
    private long rowsPublished;

    public RatingsCollector ratings() {
        return ratings;
    }

    public ProductCatalog catalog() {
        return require(catalog, "product catalogue");
    }

    public void catalog(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    public TrainingData data() {
        return require(data, "training data");
    }

    public boolean hasData() {
        return data != null;
    }

    public void data(TrainingData data) {
        this.data = data;
    }

    public EvaluationResult evaluation() {
        return evaluation;
    }

    public void evaluation(EvaluationResult evaluation) {
        this.evaluation = evaluation;
    }

    public EvaluationResult baseline() {
        return baseline;
    }

    public void baseline(EvaluationResult baseline) {
        this.baseline = baseline;
    }

    public QualityGate.Verdict verdict() {
        return verdict;
    }

    public void verdict(QualityGate.Verdict verdict) {
        this.verdict = verdict;
    }

    public TrainedModel model() {
        return require(model, "trained model");
    }

    public void model(TrainedModel model) {
        this.model = model;
    }

    public RecommendationLists recommendations() {
        return require(recommendations, "recommendations");
    }

    public void recommendations(RecommendationLists recommendations) {
        this.recommendations = recommendations;
    }

    public long rowsStaged() {
        return rowsStaged;
    }

    public void addStaged(long rows) {
        rowsStaged += rows;
    }

    public long rowsPublished() {
        return rowsPublished;
    }

    public void rowsPublished(long rows) {
        rowsPublished = rows;
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalStateException(what + " is not available: an earlier step did not run");
        }
        return value;
    }
}
