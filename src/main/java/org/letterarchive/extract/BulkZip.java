package org.letterarchive.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a ZIP of letters for bulk ingest, within limits: the number of entries, each entry's size and the
 * total uncompressed size (counted while decompressing, never trusted from the headers). Entry names are
 * metadata only and never become paths; an archive with an entry named outside itself ({@code ../x},
 * {@code /etc/x}, {@code C:/x}) or a symbolic link is refused whole, as tampered. Nested archives are handed
 * on like any other entry (and refused by the format policy), never expanded.
 */
public final class BulkZip {

    /** One file entry: its bytes, or why it could not be read. */
    public record Entry(String name, byte[] bytes, ExtractionException error) {}

    /** Receives entries one at a time, so only one entry is held in memory. */
    public interface EntryHandler {
        void accept(Entry entry) throws IOException;
    }

    private BulkZip() {}

    /** Names that climb out of the archive or start at a root: refused, since no honest export has them. */
    static boolean isUnsafeName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) return true;
        for (String part : n.split("/")) if (part.equals("..")) return true;
        return name.indexOf('\0') >= 0;
    }

    /** Operating-system litter in archives made on a Mac or Windows: skipped without a report. */
    static boolean isJunk(String name) {
        String n = name.replace('\\', '/');
        String base = n.substring(n.lastIndexOf('/') + 1);
        return n.startsWith("__MACOSX/") || base.startsWith("._") || base.equals(".DS_Store") || base.equalsIgnoreCase("Thumbs.db")
                || base.equalsIgnoreCase("desktop.ini");
    }

    public static void read(byte[] zip, IngestLimits limits, EntryHandler handler) throws ExtractionException, IOException {
        ZipFile file;
        try {
            file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the ZIP archive is damaged: " + e.getMessage());
        }
        try (file) {
            List<ZipArchiveEntry> entries = new ArrayList<>();
            for (Enumeration<ZipArchiveEntry> en = file.getEntriesInPhysicalOrder(); en.hasMoreElements(); ) {
                ZipArchiveEntry e = en.nextElement();
                if (e.isDirectory()) continue;
                entries.add(e);
                if (entries.size() > limits.maxZipEntries()) {
                    throw new ExtractionException(ExtractionException.Reason.TOO_LARGE,
                            "the ZIP archive holds more than " + limits.maxZipEntries() + " files");
                }
            }
            if (entries.isEmpty()) throw new ExtractionException(ExtractionException.Reason.EMPTY, "the ZIP archive holds no files");
            for (ZipArchiveEntry e : entries) {
                if (e.isUnixSymlink() || isUnsafeName(e.getName())) {
                    throw new ExtractionException(ExtractionException.Reason.CORRUPT, "the ZIP archive was refused: its entry '"
                            + e.getName().replaceAll("\\p{Cntrl}", "?") + "' is " + (e.isUnixSymlink() ? "a symbolic link" : "a path outside the archive")
                            + "; nothing from it was stored");
                }
            }
            long total = 0;
            for (ZipArchiveEntry e : entries) {
                String name = e.getName();
                if (isJunk(name)) continue;
                if (!file.canReadEntryData(e)) {
                    handler.accept(new Entry(name, null, new ExtractionException(
                            e.getGeneralPurposeBit().usesEncryption() ? ExtractionException.Reason.ENCRYPTED : ExtractionException.Reason.UNSUPPORTED_TYPE,
                            e.getGeneralPurposeBit().usesEncryption() ? "the entry is encrypted" : "the entry uses an unsupported compression method")));
                    continue;
                }
                long left = Math.min(limits.maxFileBytes(), limits.maxZipTotalBytes() - total);
                byte[] bytes;
                try (InputStream in = file.getInputStream(e)) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, left) + 1));
                } catch (IOException | RuntimeException ex) {
                    handler.accept(new Entry(name, null, new ExtractionException(ExtractionException.Reason.CORRUPT,
                            "the entry cannot be read from the ZIP archive: " + ex.getMessage())));
                    continue;
                }
                if (bytes.length > left) {
                    boolean totalHit = left < limits.maxFileBytes();
                    handler.accept(new Entry(name, null, new ExtractionException(ExtractionException.Reason.TOO_LARGE,
                            totalHit ? "the ZIP archive's files exceed the total limit of " + IngestLimits.size(limits.maxZipTotalBytes()) + " uncompressed"
                                     : "the entry is larger than the limit of " + IngestLimits.size(limits.maxFileBytes()))));
                    if (totalHit) total = limits.maxZipTotalBytes();
                    continue;
                }
                total += bytes.length;
                handler.accept(new Entry(name, bytes, null));
            }
        }
    }
}
