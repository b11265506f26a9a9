// The implementation of CICU.h: the only file in onoma that includes ICU headers.
#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uenum.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

// MARK: Status

const char *onoma_u_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

int32_t onoma_u_buffer_overflow_error(void) { return U_BUFFER_OVERFLOW_ERROR; }

// MARK: Word break

// The iterator runs over UTF-16, converted one chunk at a time: ICU's UTF-8 UText costs 15-30%
// more than converting first. A chunk ends just after a line feed, where UAX #29 always breaks
// (WB3a), so chunking changes no boundary; its UTF-16 stays in cache. A chunk is converted only
// when ICU is first needed in it: the shim's rules decide most chunks of news text alone.
struct onoma_word_break {
    UBreakIterator *iterator;
    const uint8_t *bytes;
    int32_t length;
    /// The current chunk: the bytes from `chunk_start` to `chunk_end`, and once `converted`, as
    /// UTF-16 units in `units`, which the iterator is set to.
    UChar *units;
    int32_t units_capacity;
    int32_t chunk_start, chunk_end;
    int converted;
    /// The boundary the iterator stands on (the start of the next segment), in UTF-8 bytes
    /// from the start of the text and in UTF-16 units from the start of the chunk.
    int32_t previous, previous_unit;
    /// The first non-ASCII byte at or after `previous`, once searched (else below `previous`).
    int32_t non_ascii;
    /// Whether the segments `rule_segment` can decide are found by it (the iterator has ICU's
    /// root rules), and whether the iterator then no longer stands on `previous_unit`.
    int shim_rules, iterator_behind;
    /// code_point_kind of each ASCII character; ascii_word_break_class of each byte below 0x80,
    /// WB_UNDECIDED for the others (lead and continuation bytes).
    int8_t ascii_kinds[128];
    int8_t byte_classes[256];
    /// The word break classes of U+0080-U+07FF (two UTF-8 bytes: Latin, Greek, Cyrillic ...) and
    /// of U+2000-U+207F (general punctuation: curly quotes, dashes), as `wide_word_break_class`.
    int8_t two_byte_classes[0x800 - 0x80];
    int8_t punctuation_classes[0x80];
    /// Recent uscript_getScript results, direct-mapped by code point.
    struct {
        UChar32 code_point;
        int32_t script;
    } scripts[256];
};

/// Chunks end at the first line feed after this many bytes (or at the end of the text).
enum { CHUNK_BYTES = 32768 };
/// ASCII runs longer than this are skipped with ubrk_following (about 1 us, the cost of
/// iterating over some 60 bytes) instead of iterating through them.
enum { SKIP_DISTANCE = 96 };

/// The token kind of a segment that starts with `c` and got no letter or number rule status.
static int32_t code_point_kind(UChar32 c) {
    if (u_isUWhiteSpace(c)) return ONOMA_KIND_WHITESPACE;
    // is_emoji decides what is an emoji; a pictograph left over (©, ®, ™ on their own) is a symbol.
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR))
        return ONOMA_KIND_SYMBOL;
    if (u_ispunct(c)) return ONOMA_KIND_PUNCTUATION;
    // Letters and digits that got status "none" (e.g. a lone combining mark) count as words.
    if (u_isalnum(c)) return u_isdigit(c) ? ONOMA_KIND_NUMBER : ONOMA_KIND_WORD;
    return ONOMA_KIND_SYMBOL;
}

/// Word_Break classes as ICU's root word rules (UAX #29) use them. In ASCII, tab, '"'
/// (Double_Quote joins only Hebrew letters), ':' (MidLetter in UAX #29, not in ICU's root rules)
/// and other punctuation are "other". WB_UNDECIDED marks the characters `rule_segment` leaves to
/// ICU (combining marks, format characters, Hebrew letters, scripts of three and four bytes ...).
enum { WB_UNDECIDED = -1, WB_OTHER, WB_LETTER, WB_NUMERIC, WB_MID_NUM, WB_MID_NUM_LET, WB_EXTEND_NUM_LET,
       WB_SPACE, WB_CR, WB_NEWLINE };

static int ascii_word_break_class(uint8_t c) {
    // ICU's root rules count '@' as a letter (e-mail addresses stay one word).
    if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '@') return WB_LETTER;
    if (c >= '0' && c <= '9') return WB_NUMERIC;
    switch (c) {
    case ',': case ';': return WB_MID_NUM;
    case '.': case '\'': return WB_MID_NUM_LET;
    case '_': return WB_EXTEND_NUM_LET;
    case ' ': return WB_SPACE;
    case '\r': return WB_CR;
    case '\n': case '\v': case '\f': return WB_NEWLINE;
    default: return WB_OTHER;
    }
}

/// The class of a non-ASCII character for `rule_segment`: letters, digits, the mid characters
/// of WB6-WB12 and "other" characters that are not pictographs; every other Word_Break value is
/// WB_UNDECIDED.
static int8_t wide_word_break_class(UChar32 c) {
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return WB_UNDECIDED;
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER: return WB_LETTER;
    case U_WB_NUMERIC: return WB_NUMERIC;
    case U_WB_MIDNUM: return WB_MID_NUM;
    case U_WB_MIDNUMLET: return WB_MID_NUM_LET;
    case U_WB_OTHER: return WB_OTHER;
    default: return WB_UNDECIDED;
    }
}

/// The class of the character at bytes[i] (i < length), and its length in `*width`: ASCII by
/// `ascii_word_break_class` (through a table), U+0080-U+07FF and U+2000-U+207F by the tables, anything else
/// WB_UNDECIDED. Each of these characters is one UTF-16 unit.
static inline __attribute__((always_inline)) int word_break_class(const onoma_word_break *wb, const uint8_t *bytes,
                                                                  int32_t i, int32_t length, int32_t *width) {
    const uint8_t b = bytes[i];
    *width = 1;
    if (b < 0x80) return wb->byte_classes[b];
    if (b >= 0xC2 && b < 0xE0 && i + 1 < length && (bytes[i + 1] & 0xC0) == 0x80) {
        *width = 2;
        return wb->two_byte_classes[(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)) - 0x80];
    }
    if (b == 0xE2 && i + 2 < length && (bytes[i + 1] & 0xFE) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
        *width = 3;
        return wb->punctuation_classes[((bytes[i + 1] & 1) << 6) | (bytes[i + 2] & 0x3F)];
    }
    return WB_UNDECIDED;
}

/// Finds the segment that starts at boundary `start` by the word break rules (UAX #29, WB3-WB13b,
/// as ICU's root rules apply them) without ICU, when its characters and the one after it are
/// ones `word_break_class` decides: sets `*end`, its length in UTF-16 units and ICU's rule
/// status for it, and returns 1. Returns 0 when the answer depends on a character left to ICU
/// (a combining mark joins what precedes it, a Hebrew letter has rules of its own): ICU decides
/// those. `length` is the text's end.
static int rule_segment(const onoma_word_break *wb, const uint8_t *bytes, int32_t start, int32_t length,
                        int32_t *end, int32_t *units, int32_t *rule_status) {
    int32_t width, count = 1;
    const int first = word_break_class(wb, bytes, start, length, &width);
    int32_t i = start + width;
    *rule_status = UBRK_WORD_NONE;
    switch (first) {
    case WB_UNDECIDED:
        return 0;
    case WB_CR:  // WB3, WB3a: CR LF stays together; a line break breaks on both sides.
        if (i < length && bytes[i] == '\n') i++, count++;
        *end = i;
        *units = count;
        return 1;
    case WB_NEWLINE:
        *end = i;
        *units = count;
        return 1;
    case WB_SPACE:  // WB3d: horizontal white space stays together.
        while (i < length && bytes[i] == ' ') i++, count++;
        break;
    case WB_LETTER: case WB_NUMERIC: case WB_EXTEND_NUM_LET: {
        // `before` is the class before `last`, the segment's last character (a mid character
        // between two letters or two digits counts as neither).
        int before = -1, last = first;
        while (i < length) {
            if (last == WB_LETTER && wb->byte_classes[bytes[i]] == WB_LETTER) {
                // A run of ASCII letters (most of a word of news text), in a loop of its own.
                const int32_t run = i;
                while (i < length && wb->byte_classes[bytes[i]] == WB_LETTER) i++;
                before = WB_LETTER;
                count += i - run;
                continue;
            }
            const int next = word_break_class(wb, bytes, i, length, &width);
            if (next == WB_LETTER || next == WB_NUMERIC || next == WB_EXTEND_NUM_LET) {
                // WB5, WB8, WB9, WB10, WB13a, WB13b: letters, digits and connectors run together.
                before = last;
                last = next;
                i += width, count++;
                continue;
            }
            if (next == WB_UNDECIDED) return 0;
            // WB6/WB7 (letter, mid, letter) and WB11/WB12 (digit, mid, digit) look one further.
            const int joins_letters = last == WB_LETTER && next == WB_MID_NUM_LET;
            const int joins_numbers = last == WB_NUMERIC && (next == WB_MID_NUM || next == WB_MID_NUM_LET);
            if ((!joins_letters && !joins_numbers) || i + width >= length) break;
            int32_t after_width;
            const int after = word_break_class(wb, bytes, i + width, length, &after_width);
            if (after == WB_UNDECIDED) return 0;
            if (after != last) break;
            before = last;
            i += width + after_width, count += 2;
        }
        // ICU's rules set the status by the last character: a letter 200, a digit 100; a
        // connector after a digit 100, after a letter or connector 200, alone none (WB13a).
        if (last == WB_LETTER) *rule_status = UBRK_WORD_LETTER;
        else if (last == WB_NUMERIC || before == WB_NUMERIC) *rule_status = UBRK_WORD_NUMBER;
        else if (before >= 0) *rule_status = UBRK_WORD_LETTER;
        break;
    }
    default:  // Punctuation and other characters stand alone.
        break;
    }
    // WB4: a character left to ICU next could be a combining mark that joins the segment.
    if (i < length && word_break_class(wb, bytes, i, length, &width) == WB_UNDECIDED) return 0;
    *end = i;
    *units = count;
    return 1;
}

/// A mask with the high bit of each byte of `word` (eight bytes of text, little-endian) that is
/// not an ASCII letter A-Z or a-z ('@', which the word break rules count as a letter, is left to
/// the caller's table).
static inline uint64_t non_letter_bytes(uint64_t word) {
    const uint64_t high = 0x8080808080808080ull, low = 0x7F7F7F7F7F7F7F7Full, ones = 0x0101010101010101ull;
    // Folded to lowercase, a byte is a letter when it is in 0x61-0x7A (no sum carries out of its byte).
    const uint64_t folded = (word & low) | (0x20 * ones);
    const uint64_t letters = (folded + 0x1F * ones) & ~(folded + 0x05 * ones) & ~word;
    return ~letters & high;
}

/// The end of the run of letters from bytes[i] on: ASCII letters, found eight bytes at a time,
/// and two-byte letters (Latin, Greek, Cyrillic ...), which `*wide` counts (each is two bytes
/// but one UTF-16 unit).
static inline int32_t letters_end(const onoma_word_break *wb, const uint8_t *bytes, int32_t i, int32_t length,
                                  int32_t *wide) {
    for (;;) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (i + 8 <= length) {
            uint64_t word;
            memcpy(&word, bytes + i, 8);
            const uint64_t others = non_letter_bytes(word);
            if (others == 0) {
                i += 8;
                continue;
            }
            i += __builtin_ctzll(others) >> 3;
        } else
#endif
            while (i < length && wb->byte_classes[bytes[i]] == WB_LETTER) i++;
        const uint8_t b = i + 1 < length ? bytes[i] : 0;
        if (b < 0xC2 || b >= 0xE0 || (bytes[i + 1] & 0xC0) != 0x80 ||
            wb->two_byte_classes[(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)) - 0x80] != WB_LETTER)
            return i;
        i += 2;
        ++*wide;
    }
}

/// The end of the word whose first letter ends just before bytes[i], when it is made of runs of
/// ASCII and two-byte letters (`letters_end`) joined by single mid characters ('.', '\'', '’'
/// between two letters: WB6, WB7) and the rules end it at a character they decide without
/// looking further than the one after it: what `rule_segment` finds for most words of news text.
/// Returns 0 when the rules must decide (a digit, connector, combining mark or character left to
/// ICU follows the letters). `*wide` grows by the bytes beyond one UTF-16 unit of each character.
static inline int32_t word_end(const onoma_word_break *wb, const uint8_t *bytes, int32_t i, int32_t length,
                               int32_t *wide) {
    for (;;) {
        i = letters_end(wb, bytes, i, length, wide);
        if (i >= length) return i;
        int32_t width;
        switch (word_break_class(wb, bytes, i, length, &width)) {
        case WB_OTHER: case WB_SPACE: case WB_CR: case WB_NEWLINE: case WB_MID_NUM:
            return i;
        case WB_MID_NUM_LET: {
            if (i + width >= length) return i;
            int32_t after_width;
            const int after = word_break_class(wb, bytes, i + width, length, &after_width);
            if (after == WB_UNDECIDED) return 0;
            if (after != WB_LETTER) return i;
            // The letter after it starts the next run (a letter `letters_end` does not take,
            // '@' or one of U+2000-U+207F, ends the loop below it with 0).
            *wide += width - 1;
            i += width;
            continue;
        }
        default:
            return 0;
        }
    }
}

/// The end of the number whose first ASCII digit ends just before bytes[i], when it is made of
/// ASCII digits joined by single ASCII mid characters (',', '.', ';', '\'' between two digits:
/// WB11, WB12) and the rules end it at a character they decide without looking further than the
/// one after it. Returns 0 when the rules must decide (a letter, connector, other digit,
/// non-ASCII mid character or character left to ICU follows the digits).
static inline int32_t number_end(const onoma_word_break *wb, const uint8_t *bytes, int32_t i, int32_t length) {
    for (;;) {
        while (i < length && (unsigned)(bytes[i] - '0') < 10u) i++;
        if (i >= length) return i;
        int32_t width;
        switch (word_break_class(wb, bytes, i, length, &width)) {
        case WB_OTHER: case WB_SPACE: case WB_CR: case WB_NEWLINE:
            return i;
        case WB_MID_NUM: case WB_MID_NUM_LET: {
            if (i + width >= length) return i;
            int32_t after_width;
            const int after = word_break_class(wb, bytes, i + width, length, &after_width);
            if (after == WB_UNDECIDED) return 0;
            if (after != WB_NUMERIC) return i;
            if (width != 1 || after_width != 1) return 0;
            i += 1;
            continue;
        }
        default:
            return 0;
        }
    }
}

onoma_word_break *onoma_word_break_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return NULL;
    }
    onoma_word_break *wb = calloc(1, sizeof(onoma_word_break));
    if (wb == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    wb->iterator = iterator;
    // Locales with word break rules of their own (tailorings) are left to ICU entirely.
    const char *actual = ubrk_getLocaleByType(iterator, ULOC_ACTUAL_LOCALE, &error);
    wb->shim_rules = U_SUCCESS(error) && actual != NULL && (actual[0] == 0 || strcmp(actual, "root") == 0);
    for (UChar32 c = 0; c < 128; c++) wb->ascii_kinds[c] = (int8_t)code_point_kind(c);
    for (int b = 0; b < 256; b++) wb->byte_classes[b] = b < 0x80 ? (int8_t)ascii_word_break_class((uint8_t)b) : WB_UNDECIDED;
    for (UChar32 c = 0x80; c < 0x800; c++) wb->two_byte_classes[c - 0x80] = wide_word_break_class(c);
    for (UChar32 c = 0x2000; c < 0x2080; c++) wb->punctuation_classes[c - 0x2000] = wide_word_break_class(c);
    for (int i = 0; i < 256; i++) wb->scripts[i].code_point = -1;
    return wb;
}

void onoma_word_break_close(onoma_word_break *wb) {
    if (wb == NULL) return;
    ubrk_close(wb->iterator);
    free(wb->units);
    free(wb);
}

void onoma_word_break_set_text(onoma_word_break *wb, const char *utf8, int64_t length, int32_t *status) {
    if (length < 0 || length > INT32_MAX) {
        *status = U_INDEX_OUTOFBOUNDS_ERROR;
        return;
    }
    wb->bytes = (const uint8_t *)utf8;
    wb->length = (int32_t)length;
    wb->chunk_start = wb->chunk_end = 0;
    wb->converted = 0;
    wb->previous = wb->previous_unit = 0;
    wb->non_ascii = -1;
    wb->iterator_behind = 0;
}

/// Converts UTF-8 to UTF-16 into `dest` (room for `length` units), as u_strFromUTF8 does but
/// widening ASCII eight bytes at a time (news text is mostly ASCII). Returns the number of
/// units, or -1 at an ill-formed sequence (u_strFromUTF8's U_INVALID_CHAR_FOUND).
static int32_t utf8_to_utf16(const uint8_t *src, int32_t length, UChar *dest) {
    int32_t i = 0, j = 0;
    while (i < length) {
        for (; i + 8 <= length; i += 8, j += 8) {
            uint64_t word;
            memcpy(&word, src + i, 8);
            if (word & 0x8080808080808080ull) break;
            for (int k = 0; k < 8; k++) dest[j + k] = src[i + k];
        }
        if (i >= length) break;
        if (src[i] < 0x80) {
            dest[j++] = src[i++];
            continue;
        }
        UChar32 c;
        U8_NEXT(src, i, length, c);
        if (c < 0) return -1;
        U16_APPEND_UNSAFE(dest, j, c);
    }
    return j;
}

/// Makes the chunk that starts at byte `start` (after a line feed, or 0) the current one, not yet
/// converted.
static void load_chunk(onoma_word_break *wb, int32_t start) {
    int32_t end = wb->length;
    if (end - start > CHUNK_BYTES) {
        const uint8_t *lf = memchr(wb->bytes + start + CHUNK_BYTES, '\n', end - start - CHUNK_BYTES);
        if (lf != NULL) end = (int32_t)(lf - wb->bytes) + 1;
    }
    wb->previous = wb->chunk_start = start;
    wb->chunk_end = end;
    wb->previous_unit = 0;
    wb->converted = 0;
    wb->iterator_behind = 0;
}

/// Converts the current chunk to UTF-16, if not yet done, and points the iterator at it (then
/// `iterator_behind`: it stands on the chunk's start, not on `previous_unit`). Returns 0, or an
/// ICU error (allocation failure, invalid UTF-8).
static int32_t convert_chunk(onoma_word_break *wb) {
    if (wb->converted) return 0;
    const int32_t start = wb->chunk_start, end = wb->chunk_end;
    // UTF-16 never needs more units than UTF-8 has bytes.
    if (end - start > wb->units_capacity) {
        UChar *units = realloc(wb->units, (size_t)(end - start) * sizeof(UChar));
        if (units == NULL) return U_MEMORY_ALLOCATION_ERROR;
        wb->units = units;
        wb->units_capacity = end - start;
    }
    int32_t units = utf8_to_utf16(wb->bytes + start, end - start, wb->units);
    if (units < 0) return U_INVALID_CHAR_FOUND;
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(wb->iterator, wb->units, units, &error);
    if (U_FAILURE(error)) return error;
    wb->converted = 1;
    wb->iterator_behind = 1;
    return 0;
}

/// The byte offset `units` UTF-16 units after byte `from` (valid UTF-8).
static int32_t advance_units(const uint8_t *bytes, int32_t from, int32_t units) {
    int32_t i = from;
    while (units > 0) {
        uint8_t b = bytes[i];
        if (b < 0x80) i += 1, units -= 1;
        else if (b < 0xE0) i += 2, units -= 1;
        else if (b < 0xF0) i += 3, units -= 1;
        else i += 4, units -= 2;
    }
    return i;
}

/// Whether `c` is an emoji only when an emoji presentation selector (U+FE0F) or a keycap
/// (U+20E3) follows it: # * 0-9 © ® ™ 〰 〽 (UTS #51's text-default emoji used in running text).
static int text_default_emoji(UChar32 c) {
    return c == '#' || c == '*' || (c >= '0' && c <= '9') || c == 0xA9 || c == 0xAE || c == 0x2122 ||
           c == 0x3030 || c == 0x303D;
}

/// Whether the segment bytes[start..<end] that starts with `c` (ending at `next`) is an emoji,
/// as Lucene's ICU tokenizer decides: its first character has the Emoji or Extended_Pictographic
/// property, and a text-default one is followed by U+FE0F or U+20E3.
static int is_emoji(const uint8_t *bytes, UChar32 c, int32_t next, int32_t end) {
    if (text_default_emoji(c)) {
        if (next >= end) return 0;
        UChar32 following;
        U8_NEXT(bytes, next, end, following);
        return following == 0xFE0F || following == 0x20E3;
    }
    return u_hasBinaryProperty(c, UCHAR_EMOJI) || u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
           u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}

static int32_t segment_kind(const onoma_word_break *wb, int32_t start, int32_t end, int32_t rule_status) {
    const uint8_t first = wb->bytes[start];
    // A keycap (3️⃣, #️⃣) gets the number rule status or none: check it before the status.
    // Its second byte starts U+FE0F (EF) or U+20E3 (E2), so plain ASCII segments skip this.
    if (first < 0x80 && end - start > 1 && (wb->bytes[start + 1] == 0xEF || wb->bytes[start + 1] == 0xE2) &&
        is_emoji(wb->bytes, first, start + 1, end))
        return ONOMA_KIND_EMOJI;
    if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return ONOMA_KIND_NUMBER;
    if (rule_status >= UBRK_WORD_LETTER) return ONOMA_KIND_WORD;
    if (first < 0x80) return wb->ascii_kinds[first];
    UChar32 c;
    int32_t i = start;
    U8_NEXT(wb->bytes, i, end, c);
    if (c < 0) return ONOMA_KIND_SYMBOL;
    if (is_emoji(wb->bytes, c, i, end)) return ONOMA_KIND_EMOJI;
    return code_point_kind(c);
}

/// uscript_getScript through the cache; USCRIPT_INVALID_CODE on failure.
static int32_t script_of(onoma_word_break *wb, UChar32 c) {
    // All ASCII letters are Latin, all other ASCII characters Common.
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? USCRIPT_LATIN : USCRIPT_COMMON;
    int32_t slot = (c ^ (c >> 8)) & 255;
    if (wb->scripts[slot].code_point != c) {
        UErrorCode error = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &error);
        wb->scripts[slot].code_point = c;
        wb->scripts[slot].script = U_FAILURE(error) ? USCRIPT_INVALID_CODE : script;
    }
    return wb->scripts[slot].script;
}

/// The script of the first character that is not Common or Inherited, else of the first.
static int32_t segment_script(onoma_word_break *wb, int32_t start, int32_t end) {
    int32_t first = USCRIPT_INVALID_CODE;
    for (int32_t i = start; i < end;) {
        UChar32 c;
        U8_NEXT(wb->bytes, i, end, c);
        if (c < 0) continue;
        int32_t script = script_of(wb, c);
        if (script == USCRIPT_INVALID_CODE) continue;
        if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) return script;
        if (first == USCRIPT_INVALID_CODE) first = script;
    }
    return first == USCRIPT_INVALID_CODE ? USCRIPT_COMMON : first;
}

/// The offset of the first byte >= 0x80 in bytes[from..<length], or `length`.
static int32_t find_non_ascii(const uint8_t *bytes, int32_t from, int32_t length) {
    int32_t i = from;
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        memcpy(&word, bytes + i, 8);
        if (word & 0x8080808080808080ull) break;
    }
    while (i < length && bytes[i] < 0x80) i++;
    return i;
}

/// Adds to out[count..<capacity] the segments from `previous` on that are the ones of news text
/// the rules find most often, decided by their first characters without the rules' per-segment
/// work: words of letters (`word_end`) that start with an ASCII letter or a two-byte letter of
/// a script (not Common or Inherited), numbers of ASCII digits (`number_end`), ASCII
/// punctuation marks, and single spaces, passed over
/// (WB3d ends a space at the next character); each before a character that WB4 does not join to
/// it. Stops at the first other segment, at the chunk's end or when `out` is full; returns the
/// new count. Only for the root rules, without whitespace segments.
static int32_t common_segments(onoma_word_break *wb, onoma_word_segment *out, int32_t count, int32_t capacity) {
    // The text and the state in locals: stores to `out` could otherwise alias them.
    const uint8_t *bytes = wb->bytes;
    const int32_t length = wb->length, chunk_end = wb->chunk_end;
    int32_t i = wb->previous, unit = wb->previous_unit;
    while (count < capacity && i < chunk_end) {
        const uint8_t b = bytes[i];
        int32_t width, wide = 0, script = USCRIPT_LATIN;
        const int byte_class = word_break_class(wb, bytes, i, length, &width);
        if (byte_class == WB_LETTER && b != '@') {
            if (width > 1) {
                script = script_of(wb, ((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_INVALID_CODE) break;
                wide = 1;
            }
            const int32_t end = word_end(wb, bytes, i + width, length, &wide);
            if (end == 0) break;
            out[count++] = (onoma_word_segment){.start = i, .end = end, .rule_status = UBRK_WORD_LETTER,
                                                .kind = ONOMA_KIND_WORD, .script = script, .is_ascii = wide == 0};
            unit += end - i - wide;
            i = end;
            // The space after most words, passed over here rather than in the next round.
            if (i + 1 < length && bytes[i] == ' ' && bytes[i + 1] < 0x80 && bytes[i + 1] != ' ') i++, unit++;
            continue;
        }
        if (width > 1) break;
        if (byte_class == WB_NUMERIC) {
            const int32_t end = number_end(wb, bytes, i + 1, length);
            if (end == 0) break;
            out[count++] = (onoma_word_segment){.start = i, .end = end, .rule_status = UBRK_WORD_NUMBER,
                                                .kind = ONOMA_KIND_NUMBER, .script = USCRIPT_COMMON, .is_ascii = 1};
            unit += end - i;
            i = end;
            continue;
        }
        int32_t next_width;
        if (i + 1 < length && bytes[i + 1] >= 0x80 && word_break_class(wb, bytes, i + 1, length, &next_width) == WB_UNDECIDED)
            break;
        if (b == ' ') {
            if (i + 1 < length && bytes[i + 1] == ' ') break;
            i++, unit++;
            continue;
        }
        if ((byte_class != WB_OTHER && byte_class != WB_MID_NUM && byte_class != WB_MID_NUM_LET) ||
            wb->ascii_kinds[b] == ONOMA_KIND_WHITESPACE)
            break;
        out[count++] = (onoma_word_segment){.start = i, .end = i + 1, .rule_status = UBRK_WORD_NONE,
                                            .kind = wb->ascii_kinds[b], .script = USCRIPT_COMMON, .is_ascii = 1};
        i++, unit++;
    }
    if (i != wb->previous) {
        wb->previous = i;
        wb->previous_unit = unit;
        wb->iterator_behind = 1;
    }
    return count;
}

int32_t onoma_word_break_next_segments(onoma_word_break *wb, int32_t options, onoma_word_segment *out,
                                       int32_t capacity, int32_t *status) {
    const int whitespace = (options & ONOMA_SEGMENTS_WHITESPACE) != 0;
    const int non_ascii_only = (options & ONOMA_SEGMENTS_NON_ASCII) != 0;
    const int shim_rules = wb->shim_rules && (options & ONOMA_SEGMENTS_ICU_ONLY) == 0;
    const int common_fast_path = shim_rules && !whitespace && !non_ascii_only;
    int32_t count = 0;
    while (count < capacity) {
        if (wb->previous >= wb->chunk_end) {
            if (wb->previous >= wb->length) break;
            load_chunk(wb, wb->previous);
        }
        if (non_ascii_only) {
            if (wb->non_ascii < wb->previous) wb->non_ascii = find_non_ascii(wb->bytes, wb->previous, wb->length);
            if (wb->non_ascii >= wb->length) break;
            if (wb->non_ascii >= wb->chunk_end) {
                // Skip to the chunk of the non-ASCII byte: it starts after the last line feed
                // before that byte (there is one: the current chunk ends with it).
                int32_t lf = wb->non_ascii - 1;
                while (wb->bytes[lf] != '\n') lf--;
                load_chunk(wb, lf + 1);
                continue;
            }
            if (wb->non_ascii - wb->previous > SKIP_DISTANCE) {
                int32_t error = convert_chunk(wb);
                if (error != 0) {
                    *status = error;
                    break;
                }
                // Stand on the last boundary at or before the non-ASCII byte (a lead byte).
                // The bytes before it are ASCII, one UTF-16 unit each.
                ubrk_following(wb->iterator, wb->previous_unit + (wb->non_ascii - wb->previous));
                int32_t unit = ubrk_previous(wb->iterator);
                wb->previous += unit - wb->previous_unit;
                wb->previous_unit = unit;
                wb->iterator_behind = 0;
            }
        }
        if (common_fast_path) {
            count = common_segments(wb, out, count, capacity);
            if (count == capacity || wb->previous >= wb->chunk_end) continue;
        }
        int32_t start = wb->previous, end, end_unit, units, rule_status = UBRK_WORD_NONE;
        if (wb->non_ascii < start) wb->non_ascii = find_non_ascii(wb->bytes, start, wb->length);
        if (!non_ascii_only && shim_rules && rule_segment(wb, wb->bytes, start, wb->length, &end, &units, &rule_status)) {
            end_unit = wb->previous_unit + units;
            wb->iterator_behind = 1;
        } else {
            int32_t error = convert_chunk(wb);
            if (error != 0) {
                *status = error;
                break;
            }
            if (wb->iterator_behind) {
                // Stand the iterator on the boundary the shim's rules reached (following() finds
                // the same boundaries as iterating from the start).
                if (wb->previous_unit > 0) ubrk_following(wb->iterator, wb->previous_unit - 1);
                else ubrk_first(wb->iterator);
                wb->iterator_behind = 0;
            }
            end_unit = ubrk_next(wb->iterator);
            if (end_unit == UBRK_DONE) break;
            units = end_unit - wb->previous_unit;
            // Up to the next non-ASCII byte, one byte is one unit.
            end = start + units <= wb->non_ascii ? start + units : advance_units(wb->bytes, start, units);
            rule_status = -1;
        }
        wb->previous = end;
        wb->previous_unit = end_unit;
        if (non_ascii_only && wb->non_ascii >= end) continue;
        // ASCII fast paths: the first byte decides most segments of news text.
        uint8_t b = wb->bytes[start];
        int32_t kind, script = USCRIPT_INVALID_CODE;
        if (b == ' ' && end == start + 1) {
            if (!whitespace) continue;
            kind = ONOMA_KIND_WHITESPACE;
            script = USCRIPT_COMMON;
            rule_status = UBRK_WORD_NONE;
        } else {
            if (rule_status < 0) rule_status = ubrk_getRuleStatus(wb->iterator);
            if (b < 0x80 && rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) {
                kind = ONOMA_KIND_WORD;
                if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') script = USCRIPT_LATIN;
            } else {
                kind = segment_kind(wb, start, end, rule_status);
                if (kind == ONOMA_KIND_WHITESPACE && !whitespace) continue;
            }
        }
        onoma_word_segment *segment = &out[count++];
        segment->start = start;
        segment->end = end;
        segment->is_ascii = end <= wb->non_ascii;
        segment->rule_status = rule_status;
        segment->kind = kind;
        segment->script = script != USCRIPT_INVALID_CODE ? script : segment_script(wb, start, end);
    }
    return count;
}

int32_t onoma_word_break_uses_shim_rules(const onoma_word_break *wb) {
    return wb->shim_rules;
}

int64_t onoma_word_break_count_boundaries(onoma_word_break *wb, int32_t *status) {
    int64_t count = 0;
    while (wb->chunk_end < wb->length) {
        load_chunk(wb, wb->chunk_end);
        int32_t error = convert_chunk(wb);
        if (error != 0) {
            *status = error;
            break;
        }
        while (ubrk_next(wb->iterator) != UBRK_DONE) count++;
    }
    return count;
}

// MARK: Transliterator

onoma_transliterator *onoma_transliterator_open(const uint16_t *id, int32_t id_length,
                                                const uint16_t *rules, int32_t rules_length,
                                                int32_t *error_offset, int32_t *status) {
    UParseError parse_error;
    memset(&parse_error, 0, sizeof parse_error);
    parse_error.offset = -1;
    UErrorCode error = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU(id, id_length, UTRANS_FORWARD, rules, rules == NULL ? 0 : rules_length,
                                      &parse_error, &error);
    *error_offset = parse_error.offset;
    if (U_FAILURE(error)) {
        *status = error;
        return NULL;
    }
    return (onoma_transliterator *)t;
}

onoma_transliterator *onoma_transliterator_clone(const onoma_transliterator *t, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UTransliterator *copy = utrans_clone((const UTransliterator *)t, &error);
    if (U_FAILURE(error)) *status = error;
    return (onoma_transliterator *)copy;
}

void onoma_transliterator_close(onoma_transliterator *t) {
    if (t != NULL) utrans_close((UTransliterator *)t);
}

int32_t onoma_transliterator_apply(const onoma_transliterator *t, uint16_t *text, int32_t length,
                                   int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t text_length = length, limit = length;
    utrans_transUChars((const UTransliterator *)t, text, &text_length, capacity, 0, &limit, &error);
    if (U_FAILURE(error)) *status = error;
    return text_length;
}

int32_t onoma_transliterator_available_ids(uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UEnumeration *ids = utrans_openIDs(&error);
    if (U_FAILURE(error)) {
        *status = error;
        return 0;
    }
    int32_t needed = 0, length = 0;
    const UChar *id;
    while ((id = uenum_unext(ids, &length, &error)) != NULL && U_SUCCESS(error)) {
        if (needed > 0) {
            if (needed < capacity) out[needed] = '\n';
            needed++;
        }
        for (int32_t i = 0; i < length; i++, needed++)
            if (needed < capacity) out[needed] = id[i];
    }
    uenum_close(ids);
    if (U_FAILURE(error)) *status = error;
    return needed;
}

// MARK: Normalizer2

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *error) {
    switch (form) {
    case ONOMA_NORM_NFC: return unorm2_getNFCInstance(error);
    case ONOMA_NORM_NFD: return unorm2_getNFDInstance(error);
    case ONOMA_NORM_NFKC: return unorm2_getNFKCInstance(error);
    case ONOMA_NORM_NFKD: return unorm2_getNFKDInstance(error);
    case ONOMA_NORM_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(error);
    default: *error = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t onoma_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest,
                        int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &error);
    int32_t needed = 0;
    if (U_SUCCESS(error)) needed = unorm2_normalize(n, src, length, dest, capacity, &error);
    if (U_FAILURE(error)) *status = error;
    return needed;
}

int32_t onoma_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &error);
    UBool result = 0;
    if (U_SUCCESS(error)) result = unorm2_isNormalized(n, src, length, &error);
    if (U_FAILURE(error)) *status = error;
    return result ? 1 : 0;
}

int32_t onoma_has_boundary_before(int32_t form, int32_t c, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &error);
    UBool result = 0;
    if (U_SUCCESS(error)) result = unorm2_hasBoundaryBefore(n, (UChar32)c);
    if (U_FAILURE(error)) *status = error;
    return result ? 1 : 0;
}

// MARK: Spoof checker

onoma_spoof_checker *onoma_spoof_checker_open(int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&error);
    if (U_SUCCESS(error))
        uspoof_setChecks(sc, USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_SCRIPT_CONFUSABLE | USPOOF_INVISIBLE, &error);
    if (U_SUCCESS(error)) uspoof_setRestrictionLevel(sc, USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(error)) {
        if (sc != NULL) uspoof_close(sc);
        *status = error;
        return NULL;
    }
    return (onoma_spoof_checker *)sc;
}

void onoma_spoof_checker_close(onoma_spoof_checker *sc) {
    if (sc != NULL) uspoof_close((USpoofChecker *)sc);
}

int32_t onoma_spoof_check(const onoma_spoof_checker *sc, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t result = uspoof_check2((const USpoofChecker *)sc, text, length, NULL, &error);
    if (U_FAILURE(error)) *status = error;
    return result;
}

int32_t onoma_spoof_skeleton(const onoma_spoof_checker *sc, const uint16_t *text, int32_t length,
                             uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t needed = uspoof_getSkeleton((const USpoofChecker *)sc, 0, text, length, dest, capacity, &error);
    if (U_FAILURE(error)) *status = error;
    return needed;
}

int32_t onoma_spoof_restriction_level_bit(void) { return USPOOF_RESTRICTION_LEVEL; }

// MARK: Scripts

int32_t onoma_script_of(uint32_t code_point) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)code_point, &error);
    return U_FAILURE(error) ? USCRIPT_INVALID_CODE : script;
}

const char *onoma_script_short_name(int32_t script) { return uscript_getShortName((UScriptCode)script); }

const char *onoma_script_long_name(int32_t script) { return uscript_getName((UScriptCode)script); }

int32_t onoma_script_code(const char *name) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode codes[4];
    int32_t count = uscript_getCode(name, codes, 4, &error);
    return (U_FAILURE(error) || count < 1) ? -1 : codes[0];
}
