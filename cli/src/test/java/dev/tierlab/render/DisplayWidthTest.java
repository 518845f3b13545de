package dev.tierlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void asciiHangulCjkAndFullWidthForms() {
        assertEquals(5, DisplayWidth.of("tiers"));
        assertEquals(6, DisplayWidth.of("계층형"));
        assertEquals(4, DisplayWidth.of("中文"));
        assertEquals(2, DisplayWidth.of("Ａ"));
        assertEquals(2, DisplayWidth.of("ㄱ"));
    }

    @Test
    void combiningMarksAndControlsTakeNoColumns() {
        assertEquals(1, DisplayWidth.of("e\u0301"));
        assertEquals(2, DisplayWidth.of("\u1100\u1161"), "a decomposed Hangul syllable is one wide character");
        assertEquals(0, DisplayWidth.of("\u200B"));
        assertEquals(0, DisplayWidth.of("\u001B"));
    }

    @Test
    void emojiOutsideTheBasicPlaneAreWide() {
        assertEquals(2, DisplayWidth.of("🚀"));
        assertEquals(2, DisplayWidth.of("𠀀"));
    }
}
