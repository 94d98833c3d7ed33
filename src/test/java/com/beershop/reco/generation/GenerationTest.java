package com.beershop.reco.generation;

import com.beershop.reco.tracking.RunRecord;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;

import static org.assertj.core.api.Assertions.assertThat;

/** A generation can be put back only while every row its run published is still staged. */
class GenerationTest {

    @Test
    void shouldBeRepublishableOnlyWithAllItsPublishedRowsStillStaged() {
        assertThat(new Generation(5, published(12L), false, 12).canRepublish()).isTrue();
        assertThat(new Generation(5, published(12L), false, 11).canRepublish()).as("partly pruned").isFalse();
        assertThat(new Generation(5, published(12L), false, 13).canRepublish()).as("rows of a restart").isFalse();
        assertThat(new Generation(5, published(12L), true, 0).canRepublish()).as("pruned").isFalse();
        assertThat(new Generation(5, published(null), false, 12).canRepublish()).as("count not recorded").isFalse();
    }

    @Test
    void shouldNotCallARunWithNothingStagedRepublishableEvenWhenItRecordedNoRows() {
        assertThat(new Generation(5, published(0L), false, 0).canRepublish()).isFalse();
    }

    /** A run-history row that recorded {@code rows} published rows, every other column empty. */
    static RunRecord published(Long rows) {
        try {
            RecordComponent[] columns = RunRecord.class.getRecordComponents();
            Object[] arguments = new Object[columns.length];
            Class<?>[] types = new Class<?>[columns.length];
            for (int i = 0; i < columns.length; i++) {
                types[i] = columns[i].getType();
                arguments[i] = columns[i].getName().equals("rowsPublished") ? rows
                        : types[i] == boolean.class ? false : null;
            }
            return RunRecord.class.getDeclaredConstructor(types).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
