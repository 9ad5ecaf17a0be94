package nnlab.gpt;

import java.util.TreeSet;

/** The characters a model knows, sorted by code point; id = index. */
public record Vocabulary(String chars) {

    public static Vocabulary of(String text) {
        TreeSet<Character> set = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) set.add(text.charAt(i));
        StringBuilder sb = new StringBuilder();
        for (char c : set) sb.append(c);
        return new Vocabulary(sb.toString());
    }

    public int size() {
        return chars.length();
    }

    /** The id of {@code c}, or −1 when the vocabulary lacks it. */
    public int idOf(char c) {
        return chars.indexOf(c);
    }

    public char charOf(int id) {
        return chars.charAt(id);
    }

    /** Ids of a text every character of which the vocabulary knows. */
    public int[] encode(String text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idOf(text.charAt(i));
            if (ids[i] < 0) throw new IllegalArgumentException("the character '" + text.charAt(i) + "' is not in the vocabulary");
        }
        return ids;
    }

    /** The characters of {@code text} the vocabulary lacks, in order of appearance, each once. */
    public String unknownIn(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) if (idOf(c) < 0 && sb.indexOf(String.valueOf(c)) < 0) sb.append(c);
        return sb.toString();
    }
}
