package com.beershop.reco.schema;

/**
 * One figure the {@code rehearse} mode reads inside the publish's transaction, before the DELETE and after the
 * INSERT: the figure is the difference. {@code query} returns one number (bytes) that grows with the work done;
 * null where the database has nothing to read, and then {@code note} says why.
 *
 * @param name  what is measured, as the rehearsal prints it ("transaction log")
 * @param query one row, one number; null when not measurable on this database
 * @param needs the permission the query needs beyond the run's grants, named when the database refuses it
 * @param note  what the figure covers (this transaction, the whole server), or why there is none
 */
public record TransactionMeasure(String name, String query, String needs, String note) {

    static TransactionMeasure notMeasurable(String name, String why) {
        return new TransactionMeasure(name, null, null, why);
    }

    public boolean measurable() {
        return query != null;
    }
}
