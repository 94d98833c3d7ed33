package com.beershop.reco.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds relative links in markdown files whose target file or {@code #anchor} does not exist. Anchors are
 * GitHub's heading slugs, so a link that works here works on the repository's web page. External links
 * (http, https, mailto) are not followed. Code blocks and code spans are skipped: their brackets are not links.
 */
public final class MarkdownLinkChecker {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    /** One line per broken link: {@code file:line: [text](target): why}. Empty when every link resolves. */
    List<String> brokenLinks(Path root, List<Path> files) {
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = proseLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher link = LINK.matcher(withoutCodeSyntax(lines.get(i)));
                while (link.find()) {
                    String problem = problemWith(file, link.group(2));
                    if (problem != null) {
                        broken.add(root.relativize(file) + ":" + (i + 1) + ": [" + link.group(1) + "]("
                                + link.group(2) + "): " + problem);
                    }
                }
            }
        }
        return broken;
    }

    private String problemWith(Path from, String target) {
        if (target.matches("(?i)(https?|mailto):.*")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!Files.exists(resolved)) {
            return "no such file " + resolved;
        }
        if (anchor == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not markdown";
        }
        Set<String> anchors = anchorsByFile.computeIfAbsent(resolved, MarkdownLinkChecker::headingSlugs);
        return anchors.contains(anchor) ? null : "no heading with anchor #" + anchor + " in " + resolved.getFileName();
    }

    /** Code spans keep their text (a link may show code) but lose the brackets that would make a link inside. */
    private static String withoutCodeSyntax(String line) {
        return CODE_SPAN.matcher(line).replaceAll(span -> Matcher.quoteReplacement(
                span.group().replaceAll("[`\\[\\]()]", " ").trim()));
    }

    /** The anchors GitHub gives a file's headings; a repeated slug gets -1, -2, ... as GitHub does. */
    public static Set<String> headingSlugs(Path file) {
        Set<String> slugs = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(file)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                slugs.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return slugs;
    }

    /** GitHub's rule: link text only, lower case, punctuation dropped (but - and _), each space a hyphen. */
    static String slug(String headingText) {
        String text = INLINE_LINK.matcher(headingText).replaceAll("$1");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                .replace(' ', '-');
    }

    /** The file's lines with fenced code blocks blanked out, so line numbers stay right. */
    private static List<String> proseLines(Path file) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String openFence = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            boolean isFence = fence.find();
            if (openFence == null && isFence) {
                openFence = fence.group(1);
                lines.set(i, "");
            } else if (openFence != null) {
                if (isFence && fence.group(1).equals(openFence)) {
                    openFence = null;
                }
                lines.set(i, "");
            }
        }
        return lines;
    }
}
