package org.letterarchive.extract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** Hostile images made at test time: huge declared dimensions, and TIFFs whose page directories never end. */
public final class ImageBombs {

    private ImageBombs() {}

    /** A PNG declaring 100,000 × 100,000 pixels (10 gigapixels) in a few hundred bytes. */
    public static byte[] hugePng() throws Exception {
        return png(100_000, 100_000);
    }

    static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
            d.write(new byte[64 * 1024]);
        }
        chunk(out, "IDAT", z.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A TIFF declaring one 200,000 × 200,000 page. */
    public static byte[] hugeTiff() {
        return tiff(200_000, 200_000, 1, false);
    }

    /** A TIFF whose page directory points back to itself: a page chain that never ends. */
    public static byte[] loopingTiff() {
        return tiff(16, 16, 1, true);
    }

    /** A TIFF with {@code pages} small pages, each directory chained to the next. */
    public static byte[] deepTiff(int pages) {
        return tiff(16, 16, pages, false);
    }

    private static byte[] tiff(int w, int h, int pages, boolean loop) {
        int entries = 8;
        int ifdSize = 2 + entries * 12 + 4;
        int dataSize = 16 * 16;
        ByteBuffer b = ByteBuffer.allocate(8 + pages * ifdSize + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int data = 8 + pages * ifdSize;
        for (int p = 0; p < pages; p++) {
            int at = 8 + p * ifdSize;
            b.position(at);
            b.putShort((short) entries);
            entry(b, 256, 4, w);
            entry(b, 257, 4, h);
            entry(b, 258, 3, 8);
            entry(b, 259, 3, 1);
            entry(b, 262, 3, 1);
            entry(b, 273, 4, data);
            entry(b, 278, 4, h);
            entry(b, 279, 4, dataSize);
            int next = loop ? 8 : p + 1 < pages ? at + ifdSize : 0;
            b.putInt(next);
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) b.putShort((short) value).putShort((short) 0);
        else b.putInt(value);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        CRC32 crc = new CRC32();
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
