package com.beershop.reco.online;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The readout as the run history keeps it (column {@code online}) and {@code report --format=json} shows it: a JSON
 * list of flat objects with snake-case keys ({@code generation}, {@code arm}, {@code users}, {@code users_with_hits},
 * {@code hit_rate}, ...), so SQL can query it (OPENJSON on SQL Server, jsonb_array_elements on PostgreSQL).
 */
public final class OnlineJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OnlineJson() {
    }

    public static String write(List<ArmFigures> figures) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ArmFigures f : figures) {
            ObjectNode o = array.addObject();
            o.put("generation", f.generation());
            o.put("arm", f.arm());
            o.put("from", f.from() == null ? null : f.from().toString());
            o.put("to", f.to() == null ? null : f.to().toString());
            o.put("listed_users", f.listedUsers());
            o.put("users", f.users());
            o.put("users_with_hits", f.usersWithHits());
            o.put("hits", f.hits());
            o.put("top_n", f.topN());
            o.put("hit_rate", f.hitRate());
            o.put("hit_rate_low", f.hitRateLow());
            o.put("hit_rate_high", f.hitRateHigh());
            o.put("precision", f.precision());
            o.put("precision_low", f.precisionLow());
            o.put("precision_high", f.precisionHigh());
        }
        return JSON.writeValueAsString(array);
    }

    /** The figures of a stored readout; empty for NULL or text that is not such a list. */
    public static List<ArmFigures> read(String json) {
        List<ArmFigures> figures = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return figures;
        }
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JacksonException e) {
            return figures;
        }
        for (JsonNode o : array) {
            figures.add(new ArmFigures(o.path("generation").asLong(), o.path("arm").asString(), time(o.get("from")),
                    time(o.get("to")), o.path("listed_users").asLong(), o.path("users").asLong(),
                    o.path("users_with_hits").asLong(), o.path("hits").asLong(), o.path("top_n").asInt(),
                    number(o.get("hit_rate")), number(o.get("hit_rate_low")), number(o.get("hit_rate_high")),
                    number(o.get("precision")), number(o.get("precision_low")), number(o.get("precision_high"))));
        }
        return figures;
    }

    /**
     * What one readout says of the newest generation it measured with data: its figures per arm (the generation
     * that was live until the run, measured over its whole window). Empty when no arm had a user.
     */
    public static List<ArmFigures> newestMeasured(List<ArmFigures> figures) {
        for (ArmFigures f : figures) {
            if (f.users() > 0) {
                return figures.stream().filter(g -> g.generation() == f.generation()).toList();
            }
        }
        return List.of();
    }

    private static LocalDateTime time(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDateTime.parse(node.asString());
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
