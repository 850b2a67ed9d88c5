package org.innograph.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Ways to spoil a valid text the way careless clients and attackers do: flipped bytes, truncation, swapped,
 * dropped or doubled tokens, huge literals, deep nesting, invalid UTF-8, NUL bytes, repetition.
 */
final class Mutations {

    private final Random random;

    Mutations(Random random) {
        this.random = random;
    }

    /** One to three mutations in a row; returns the bytes and names what was done in {@code applied}. */
    byte[] mutate(String text, List<String> applied) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            bytes = once(bytes, applied);
        }
        return bytes;
    }

    private byte[] once(byte[] bytes, List<String> applied) {
        switch (random.nextInt(10)) {
            case 0 -> {
                applied.add("byte flips");
                byte[] copy = bytes.clone();
                for (int i = 0; i < 1 + random.nextInt(8) && copy.length > 0; i++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 1 -> {
                applied.add("truncation");
                return java.util.Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
            }
            case 2 -> {
                applied.add("token swap");
                List<String> tokens = tokens(bytes);
                if (tokens.size() > 1) {
                    Collections.swap(tokens, random.nextInt(tokens.size()), random.nextInt(tokens.size()));
                }
                return String.join(" ", tokens).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                applied.add("token drop or double");
                List<String> tokens = tokens(bytes);
                if (!tokens.isEmpty()) {
                    int at = random.nextInt(tokens.size());
                    if (random.nextBoolean()) {
                        tokens.remove(at);
                    } else {
                        tokens.add(at, tokens.get(at));
                    }
                }
                return String.join(" ", tokens).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                int size = List.of(1_000, 100_000, 1_100_000, 3_000_000).get(random.nextInt(4));
                applied.add("huge literal (" + size + " chars)");
                return insert(bytes, ("\"" + "x".repeat(size) + "\"").getBytes(StandardCharsets.UTF_8));
            }
            case 5 -> {
                int depth = List.of(50, 1_000, 10_000, 100_000).get(random.nextInt(4));
                applied.add("deep nesting (" + depth + ")");
                String open = random.nextBoolean() ? "{ " : "(";
                String close = open.equals("{ ") ? "} " : ")";
                return insert(bytes, (open.repeat(depth) + close.repeat(random.nextBoolean() ? depth : depth / 2))
                        .getBytes(StandardCharsets.UTF_8));
            }
            case 6 -> {
                applied.add("invalid UTF-8");
                byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
                return insert(bytes, bad[random.nextInt(bad.length)]);
            }
            case 7 -> {
                applied.add("NUL and control characters");
                return insert(bytes, new byte[] {0, 1, 27, 127, 0});
            }
            case 8 -> {
                int times = List.of(2, 50, 5_000).get(random.nextInt(3));
                applied.add("repeated " + times + " times");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 0; i < times && out.size() < 4_000_000; i++) {
                    out.writeBytes(bytes);
                    out.write('\n');
                }
                return out.toByteArray();
            }
            default -> {
                applied.add("odd escapes");
                String[] odd = {"\\uD800", "\\U0010FFFF", "\\u0000", "%00", "\\", "\"\"\"", "'''", "<>", "<http://[::1>",
                        "?" + "v".repeat(10_000), "1e999999", "-0.0e-0", "_:b" + "x".repeat(1000)};
                return insert(bytes, odd[random.nextInt(odd.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private byte[] insert(byte[] into, byte[] piece) {
        int at = into.length == 0 ? 0 : random.nextInt(into.length + 1);
        byte[] result = new byte[into.length + piece.length];
        System.arraycopy(into, 0, result, 0, at);
        System.arraycopy(piece, 0, result, at, piece.length);
        System.arraycopy(into, at, result, at + piece.length, into.length - at);
        return result;
    }

    private static List<String> tokens(byte[] bytes) {
        List<String> tokens = new ArrayList<>();
        for (String token : new String(bytes, StandardCharsets.UTF_8).split("\\s+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
