package com.beershop.reco.evaluation;

/** Rating-prediction errors over paired predicted and actual ratings; NaN when there is nothing to compare. */
public final class RatingErrorMetrics {

    private RatingErrorMetrics() {
    }

    /** Root mean squared error. */
    public static double rmse(float[] predicted, float[] actual) {
        check(predicted, actual);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double error = predicted[i] - actual[i];
            sum += error * error;
        }
        return actual.length == 0 ? Double.NaN : Math.sqrt(sum / actual.length);
    }

    /** Mean absolute error. */
    public static double mae(float[] predicted, float[] actual) {
        check(predicted, actual);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return actual.length == 0 ? Double.NaN : sum / actual.length;
    }

    private static void check(float[] predicted, float[] actual) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException(
                    "predicted has " + predicted.length + " values, actual has " + actual.length);
        }
    }
}
