package io.switchboard.persistence.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list file format of seed manual 002, 7.1.2, with good and bad files. */
class DestinationListFileTest {

    /** Example 1.40 of the seed manual, as written there. */
    private static final String MANUAL_EXAMPLE = """
            # $Id$
            # dispatcher destination sets
            #

            # line format
            # setit(int) destination(sip uri) flags(int,opt) priority(int,opt) attributes(str,opt)

            # proxies
            2 sip:127.0.0.1:5080
            2 sip:127.0.0.1:5082

            # gateways
            1 sip:127.0.0.1:7070
            1 sip:127.0.0.1:7072
            1 sip:127.0.0.1:7074
            """;

    private static List<DestinationRecord> parse(String text) throws Exception {
        return DestinationListFile.parse(new StringReader(text), "dispatcher.list");
    }

    private static String problem(String text) {
        return assertThrows(DestinationLoadException.class, () -> parse(text)).getMessage();
    }

    @Test
    void theManualsExampleHasFiveDestinationsInTwoSets() throws Exception {
        List<DestinationRecord> records = parse(MANUAL_EXAMPLE);
        assertEquals(5, records.size());
        assertEquals(new DestinationRecord(2, "sip:127.0.0.1:5080", 0, 0, "", "dispatcher.list line 9"), records.get(0));
        assertEquals(List.of(2, 2, 1, 1, 1), records.stream().map(DestinationRecord::setId).toList());
    }

    @Test
    void theFullLineExampleKeepsFlagsPriorityAndAttributes() throws Exception {
        DestinationRecord record = parse("1 sip:127.0.0.1:5080 0 0 duid=abc;socket=udp:192.168.0.125:5060;my=xyz\n")
                .get(0);
        assertEquals(1, record.setId());
        assertEquals("sip:127.0.0.1:5080", record.uri());
        assertEquals("duid=abc;socket=udp:192.168.0.125:5060;my=xyz", record.attrs());
    }

    @Test
    void flagsAndPriorityAreOptionalAndTabsSeparateToo() throws Exception {
        List<DestinationRecord> records = parse("3\tsip:gw1.example.com\t8\n3 sip:gw2.example.com 0 10 weight=50;\n");
        assertEquals(8, records.get(0).flags());
        assertEquals(0, records.get(0).priority());
        assertEquals(10, records.get(1).priority());
        assertEquals("weight=50", records.get(1).attrs(), "a trailing ';' is dropped, as Kamailio does");
    }

    @Test
    void aCommentMayFollowTheFields() throws Exception {
        List<DestinationRecord> records = parse("1 sip:127.0.0.1:7070 2 # the backup\n1 sip:127.0.0.1:7072#x\n");
        assertEquals(2, records.get(0).flags());
        assertEquals("sip:127.0.0.1:7072", records.get(1).uri());
    }

    @Test
    void aUriWithoutSchemeGetsSip() throws Exception {
        assertEquals("sip:10.0.0.1:5070", parse("1 10.0.0.1:5070").get(0).uri());
    }

    @Test
    void sipsAndParametersAreKept() throws Exception {
        assertEquals("sips:gw.example.com:5061;transport=tcp", parse("1 sips:gw.example.com:5061;transport=tcp")
                .get(0).uri());
    }

    @Test
    void aBadSetIdIsReportedWithItsLine() {
        assertEquals("dispatcher.list line 3: set id 'one' is not a number",
                problem("1 sip:127.0.0.1:7070\n\none sip:127.0.0.1:7072\n"));
    }

    @Test
    void aLineWithoutDestinationIsReported() {
        assertEquals("dispatcher.list line 1: expected 'setid destination [flags [priority [attrs]]]', not '7'",
                problem("7\n"));
    }

    @Test
    void aBadUriIsReported() {
        assertTrue(problem("1 sip:127.0.0.1:7070\n1 sip:host:port\n").startsWith(
                "dispatcher.list line 2: 'sip:host:port' is not a SIP URI"));
    }

    @Test
    void badFlagsPriorityAndAttributesAreReported() {
        assertEquals("dispatcher.list line 1: flags 'x' is not a number", problem("1 sip:a.example.com x"));
        assertEquals("dispatcher.list line 1: priority '-5' is not a number", problem("1 sip:a.example.com 0 -5"));
        assertEquals("dispatcher.list line 1: attributes '=5' are not name=value pairs separated by ';'",
                problem("1 sip:a.example.com 0 0 =5"));
        assertEquals("dispatcher.list line 1: unexpected text after the attributes: 'extra'",
                problem("1 sip:a.example.com 0 0 weight=5 extra"));
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dispatcher.list");
        Files.writeString(file, MANUAL_EXAMPLE);
        assertEquals(5, new DestinationListFile(file).load().size());
    }

    @Test
    void aMissingFileIsReportedByName(@TempDir Path dir) {
        Path file = dir.resolve("missing.list");
        DestinationLoadException e = assertThrows(DestinationLoadException.class,
                () -> new DestinationListFile(file).load());
        assertTrue(e.getMessage().startsWith(file + ": cannot be read"), e.getMessage());
        assertTrue(e.getCause() instanceof IOException);
    }
}
