package com.beershop.reco.check;

import java.sql.Types;
import java.util.Set;

/** The kinds of column the job can read from or write to, by JDBC type. */
enum TypeFamily {
    CHARACTER("a character type", Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR,
            Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB)),
    INTEGER("an integer type", Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT)),
    NUMBER("a numeric type", Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL,
            Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE)),
    /** SQL Server's datetimeoffset is microsoft.sql.Types.DATETIMEOFFSET (-155). */
    TIMESTAMP("a date or timestamp type", Set.of(Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, -155)),
    /** BIT is SQL Server's boolean; a number is read as true when it is not 0. */
    FLAG("a boolean, bit or integer type", Set.of(Types.BOOLEAN, Types.BIT, Types.TINYINT, Types.SMALLINT, Types.INTEGER)),
    ID("a character or integer type", Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT));

    private final String description;
    private final Set<Integer> jdbcTypes;

    TypeFamily(String description, Set<Integer> jdbcTypes) {
        this.description = description;
        this.jdbcTypes = jdbcTypes;
    }

    boolean accepts(TableShape.Column column) {
        if (this == INTEGER && (column.jdbcType() == Types.NUMERIC || column.jdbcType() == Types.DECIMAL)) {
            return column.scale() == 0;
        }
        return jdbcTypes.contains(column.jdbcType());
    }

    String description() {
        return description;
    }
}
