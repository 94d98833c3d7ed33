package com.beershop.reco.model.librec;

import com.beershop.reco.model.InteractionMatrix;
import com.google.common.collect.BiMap;
import com.google.common.collect.ImmutableBiMap;
import net.librec.conf.Configuration;
import net.librec.data.DataAppender;
import net.librec.data.DataContext;
import net.librec.data.DataModel;
import net.librec.data.DataSplitter;
import net.librec.math.structure.DataSet;
import net.librec.math.structure.SparseMatrix;

import java.util.Arrays;

/**
 * Hands our ratings to LibRec without files: LibRec's {@code JDBCDataModel} is an empty stub and its text model
 * would need a temporary file plus its own splitter. Everything is the training set; the test set is empty
 * but sized, because {@code AbstractRecommender.setup()} walks its rows.
 */
final class InMemoryDataModel implements DataModel {

    private final SparseMatrix train;
    private final SparseMatrix test;
    private final BiMap<String, Integer> users;
    private final BiMap<String, Integer> items;
    private final DataContext context;

    InMemoryDataModel(InteractionMatrix ratings, Configuration conf) {
        this.train = toSparseMatrix(ratings);
        this.test = emptySparseMatrix(ratings.numUsers(), ratings.numItems());
        this.users = identity(ratings.numUsers());
        this.items = identity(ratings.numItems());
        this.context = new DataContext(conf);
    }

    SparseMatrix train() {
        return train;
    }

    /**
     * Fills LibRec's public CRS and CCS arrays straight from our CSR. Going through the {@code Table} constructor
     * would box every rating into a hash table several times the size of the data.
     */
    static SparseMatrix toSparseMatrix(InteractionMatrix ratings) {
        int numUsers = ratings.numUsers();
        int numItems = ratings.numItems();
        int nnz = ratings.numRatings();
        SparseMatrix m = new SparseMatrix(numUsers, numItems);
        m.rowPtr = new int[numUsers + 1];
        m.colInd = new int[nnz];
        m.rowData = new double[nnz];
        m.colPtr = new int[numItems + 1];
        for (int u = 0; u < numUsers; u++) {
            m.rowPtr[u + 1] = ratings.rowEnd(u);
            for (int k = ratings.rowStart(u); k < ratings.rowEnd(u); k++) {
                m.colInd[k] = ratings.itemAt(k);
                m.rowData[k] = ratings.valueAt(k);
                m.colPtr[ratings.itemAt(k) + 1]++;
            }
        }
        for (int i = 0; i < numItems; i++) {
            m.colPtr[i + 1] += m.colPtr[i];
        }
        // visiting users in order keeps row indexes sorted within each column, as LibRec's binary search needs
        m.rowInd = new int[nnz];
        m.colData = new double[nnz];
        int[] next = Arrays.copyOf(m.colPtr, numItems);
        for (int u = 0; u < numUsers; u++) {
            for (int k = ratings.rowStart(u); k < ratings.rowEnd(u); k++) {
                int slot = next[ratings.itemAt(k)]++;
                m.rowInd[slot] = u;
                m.colData[slot] = m.rowData[k];
            }
        }
        // setup() takes min and max rating from the value set, which only set() and the copy constructors fill;
        // getValueSet() returns the live set. Adding distinct values only keeps boxing to a handful of objects.
        double[] sorted = m.rowData.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < sorted.length; k++) {
            if (sorted[k] != 0.0 && (k == 0 || sorted[k] != sorted[k - 1])) {
                m.getValueSet().add(sorted[k]);
            }
        }
        return m;
    }

    static SparseMatrix emptySparseMatrix(int rows, int cols) {
        SparseMatrix m = new SparseMatrix(rows, cols);
        m.rowPtr = new int[rows + 1];
        m.colInd = new int[0];
        m.rowData = new double[0];
        m.colPtr = new int[cols + 1];
        m.rowInd = new int[0];
        m.colData = new double[0];
        return m;
    }

    /** Index i is LibRec's id "i": our dense indexes already are LibRec's inner ids. */
    private static BiMap<String, Integer> identity(int size) {
        ImmutableBiMap.Builder<String, Integer> builder = ImmutableBiMap.builderWithExpectedSize(size);
        for (int i = 0; i < size; i++) {
            builder.put(Integer.toString(i), i);
        }
        return builder.build();
    }

    @Override
    public void buildDataModel() {
        // already built from memory in the constructor
    }

    @Override
    public void loadDataModel() {
    }

    @Override
    public void saveDataModel() {
    }

    @Override
    public DataSplitter getDataSplitter() {
        return null;
    }

    @Override
    public DataSet getTrainDataSet() {
        return train;
    }

    @Override
    public DataSet getTestDataSet() {
        return test;
    }

    @Override
    public DataSet getValidDataSet() {
        return null;
    }

    @Override
    public DataSet getDatetimeDataSet() {
        return null;
    }

    @Override
    public BiMap<String, Integer> getUserMappingData() {
        return users;
    }

    @Override
    public BiMap<String, Integer> getItemMappingData() {
        return items;
    }

    @Override
    public DataAppender getDataAppender() {
        return null;
    }

    @Override
    public DataContext getContext() {
        return context;
    }
}
