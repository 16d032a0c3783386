package io.switchboard.persistence.dispatcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispatcher list file (seed manual 002, 3.1 {@code list_file}, 7.1.2 "File Format"): one
 * destination per line, {@code setid(int) destination(sip uri) flags(int,opt) priority(int,opt)
 * attrs(str,opt)}, separated by blanks. Blank lines and lines starting with {@code #} are skipped,
 * and {@code #} in or after the first four fields starts a comment (the attributes may hold one). Any other line that does not fit is reported
 * with its number and the whole file is refused.
 */
public final class DestinationListFile implements DestinationSource {

    private final Path file;

    public DestinationListFile(Path file) {
        this.file = file;
    }

    @Override
    public List<DestinationRecord> load() throws DestinationLoadException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new DestinationLoadException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses a list from {@code in}; {@code name} is used in messages. */
    public static List<DestinationRecord> parse(Reader in, String name) throws IOException, DestinationLoadException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<DestinationRecord> records = new ArrayList<>();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            List<String> fields = fields(line);
            if (!fields.isEmpty()) {
                records.add(record(fields, line, name + " line " + number));
            }
        }
        return records;
    }

    /** The blank-separated fields before a comment. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(5);
        for (String field : line.trim().split("[ \t]+")) {
            if (field.isEmpty()) {
                continue;
            }
            if (field.startsWith("#")) {
                break;
            }
            int hash = field.indexOf('#');
            if (hash > 0 && fields.size() < 4) {
                fields.add(field.substring(0, hash));
                break;
            }
            fields.add(field);
        }
        return fields;
    }

    private static DestinationRecord record(List<String> fields, String line, String where)
            throws DestinationLoadException {
        if (fields.size() < 2) {
            throw new DestinationLoadException(where, "expected 'setid destination [flags [priority [attrs]]]', not '"
                    + line.trim() + "'");
        }
        if (fields.size() > 5) {
            throw new DestinationLoadException(where, "unexpected text after the attributes: '"
                    + String.join(" ", fields.subList(5, fields.size())) + "'");
        }
        long setId = number(fields.get(0), "set id", where);
        long flags = fields.size() > 2 ? number(fields.get(2), "flags", where) : 0;
        long priority = fields.size() > 3 ? number(fields.get(3), "priority", where) : 0;
        return DestinationRecord.of(setId, fields.get(1), flags, priority, fields.size() > 4 ? fields.get(4) : "", where);
    }

    private static long number(String text, String what, String where) throws DestinationLoadException {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DestinationLoadException(where, what + " '" + text + "' is not a number");
        }
        return Long.parseLong(text);
    }

    @Override
    public String toString() {
        return "list file " + file;
    }
}
