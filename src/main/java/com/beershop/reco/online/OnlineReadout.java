package com.beershop.reco.online;

import com.beershop.reco.rollout.Arm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the last {@code keep} published generations against what customers rated next: for each generation and
 * arm, the users who had a list and rated something in the generation's window, and their hits on the list's first
 * N places. The lists are the generation's staged rows (both arms, each row with its arm); the ratings are the
 * shop's, with a {@code rated_at} inside the window (ratings without a time are left out). All counting happens in
 * the database: one aggregate query per generation, which reads every list of the generation only the first time
 * it is measured; later readouts take its listed users from the last recorded readout. A generation of the model arm
 * alone is never read whole: the run that published it recorded how many users it listed (at benchmark L, counting
 * them cost 2.4 s of PostgreSQL's time beside the training, looking up the raters alone 1.0 s).
 */
public class OnlineReadout {

    private static final Logger log = LoggerFactory.getLogger(OnlineReadout.class);
    /** Published rows read to find the windows: far more than the kept generations ever need. */
    private static final int HISTORY_ROWS = 500;

    private final JdbcTemplate jdbc;
    private final int keep;
    private final String ratingsQuery;

    /**
     * @param keep    how many of the newest published generations to measure (reco.publish.keep-generations)
     * @param ratings the ratings table, and its user, product and rated-at columns
     */
    public OnlineReadout(JdbcTemplate jdbc, int keep, String ratings, String userColumn, String productColumn,
                         String ratedAtColumn) {
        this.jdbc = jdbc;
        this.keep = keep;
        this.ratingsQuery = "SELECT DISTINCT " + userColumn + " AS u, " + productColumn + " AS p FROM " + ratings
                + " WHERE " + ratedAtColumn + " > ? AND " + ratedAtColumn + " <= ? AND " + userColumn
                + " IS NOT NULL AND " + productColumn + " IS NOT NULL";
    }

    /** The figures of every kept generation and arm, newest generation first; {@code now} closes the live window. */
    public List<ArmFigures> measure(LocalDateTime now) {
        Map<Long, List<ArmFigures>> counted = listedByTheLastReadout();
        List<ArmFigures> figures = new ArrayList<>();
        for (PublishedWindow window : windows()) {
            List<ArmFigures> before = counted.getOrDefault(window.generation(), List.of());
            boolean reuse = !before.isEmpty()
                    && before.stream().allMatch(f -> f.topN() == window.topN() && f.listedUsers() > 0);
            if (reuse) {
                log.info("Online readout of generation {}: its listed users as the last recorded readout counted"
                        + " them; only the users who rated in its window were looked up", window.generation());
            } else if (window.listedUsers() != null && window.listedUsers() > 0) {
                // a generation of the model arm alone: the run that published it counted its listed users
                before = List.of(ArmFigures.of(window.generation(), Arm.MODEL.label(), window.from(), window.to(),
                        window.listedUsers(), 0, 0, 0, window.topN()));
                reuse = true;
                log.info("Online readout of generation {}: its listed users as the run that published it counted"
                        + " them; only the users who rated in its window were looked up", window.generation());
            }
            figures.addAll(reuse ? measureRatersOnly(window, now, before) : measure(window, now));
        }
        for (ArmFigures f : figures) {
            log.info("Online readout of generation {} ({} arm, live since {}): {} users rated since, {} rated a"
                    + " product of their list (hit rate {})", f.generation(), f.arm(), f.from(), f.users(),
                    f.usersWithHits(), f.hitRate() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.4f",
                            f.hitRate()));
        }
        return figures;
    }

    /** The newest {@code keep} generations put live, each with the window of the last time it was live. */
    List<PublishedWindow> windows() {
        List<PublishedWindow> windows = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        LocalDateTime[] replacedAt = {null};
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT COALESCE(restored_run_id, job_execution_id), ended_at, top_n, listed_users
                    FROM reco_run_history
                    WHERE published = ? AND ended_at IS NOT NULL ORDER BY id DESC""");
            statement.setMaxRows(HISTORY_ROWS);
            statement.setBoolean(1, true);
            return statement;
        }, rs -> {
            long generation = rs.getLong(1);
            LocalDateTime wentLive = rs.getTimestamp(2).toLocalDateTime();
            int topN = rs.getInt(3);
            long listed = rs.getLong(4);
            Long listedUsers = rs.wasNull() ? null : listed;
            if (windows.size() < keep && seen.add(generation) && topN > 0) {
                windows.add(new PublishedWindow(generation, wentLive, replacedAt[0], topN, listedUsers));
            }
            replacedAt[0] = wentLive;
        });
        return windows;
    }

    /**
     * Each generation's arms as the newest recorded readout found them. A generation's lists never change once
     * staged, so how many users of each arm had one is counted once: the next readouts count only the users who
     * rated (at benchmark XL, counting the listed users took 4.8 s per generation, every night).
     */
    Map<Long, List<ArmFigures>> listedByTheLastReadout() {
        List<String> newest = jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT online FROM reco_run_history WHERE online IS NOT NULL ORDER BY id DESC");
            statement.setMaxRows(1);
            return statement;
        }, (rs, i) -> rs.getString(1));
        Map<Long, List<ArmFigures>> byGeneration = new HashMap<>();
        for (ArmFigures f : newest.isEmpty() ? List.<ArmFigures>of() : OnlineJson.read(newest.get(0))) {
            byGeneration.computeIfAbsent(f.generation(), g -> new ArrayList<>()).add(f);
        }
        return byGeneration;
    }

    /**
     * One generation's figures per arm, its arms and their listed users taken from {@code counted}: only the users
     * who rated in the window are looked up in its lists. The same figures as {@link #measure(PublishedWindow,
     * LocalDateTime)}; an arm none of whose users rated has zeros, as there.
     */
    List<ArmFigures> measureRatersOnly(PublishedWindow window, LocalDateTime now, List<ArmFigures> counted) {
        LocalDateTime to = window.to() == null ? now : window.to();
        String sql = """
                SELECT l.arm, COUNT(*), SUM(CASE WHEN h.hits > 0 THEN 1 ELSE 0 END), SUM(h.hits)
                FROM (SELECT user_id, MAX(COALESCE(arm, 'model')) AS arm FROM reco_staging
                      WHERE run_id = ? AND item_rank <= ? AND user_id IN (SELECT r.u FROM (%s) r)
                      GROUP BY user_id) l
                JOIN %s ON h.user_id = l.user_id
                GROUP BY l.arm""".formatted(ratingsQuery, hitsPerRater());
        Map<String, long[]> raters = new HashMap<>();
        jdbc.query(sql, rs -> {
            raters.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        }, window.generation(), window.topN(), Timestamp.valueOf(window.from()), Timestamp.valueOf(to),
                Timestamp.valueOf(window.from()), Timestamp.valueOf(to), window.generation(), window.topN());
        return counted.stream().sorted(Comparator.comparing(ArmFigures::arm).reversed()).map(f -> {
            long[] r = raters.getOrDefault(f.arm(), new long[3]);
            return ArmFigures.of(window.generation(), f.arm(), window.from(), to, f.listedUsers(), r[0], r[1], r[2],
                    window.topN());
        }).toList();
    }

    /** One generation's figures per arm, model first; an arm with no list in the generation has no figures. */
    List<ArmFigures> measure(PublishedWindow window, LocalDateTime now) {
        LocalDateTime to = window.to() == null ? now : window.to();
        String sql = """
                SELECT l.arm, COUNT(*), COUNT(h.user_id), SUM(CASE WHEN h.hits > 0 THEN 1 ELSE 0 END), SUM(h.hits)
                FROM (SELECT user_id, MAX(COALESCE(arm, 'model')) AS arm FROM reco_staging
                      WHERE run_id = ? AND item_rank <= ? GROUP BY user_id) l
                LEFT JOIN %s ON h.user_id = l.user_id
                GROUP BY l.arm ORDER BY l.arm DESC""".formatted(hitsPerRater());
        return jdbc.query(sql, (rs, i) -> ArmFigures.of(window.generation(), rs.getString(1), window.from(), to,
                        rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), window.topN()),
                window.generation(), window.topN(), Timestamp.valueOf(window.from()), Timestamp.valueOf(to),
                window.generation(), window.topN());
    }

    /**
     * {@code h}: each user who rated in the window, with how many distinct products of the first N places of the
     * generation's list they rated. Its parameters: the window's start and end, the generation, N.
     */
    private String hitsPerRater() {
        return """
                (SELECT n.u AS user_id, COUNT(DISTINCT s.product_id) AS hits
                 FROM (%s) n
                 LEFT JOIN reco_staging s ON s.run_id = ? AND s.user_id = n.u AND s.product_id = n.p
                                         AND s.item_rank <= ?
                 GROUP BY n.u) h""".formatted(ratingsQuery);
    }
}
