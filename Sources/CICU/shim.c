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
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

// MARK: Status

const char *onoma_u_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

int32_t onoma_u_buffer_overflow_error(void) { return U_BUFFER_OVERFLOW_ERROR; }

// MARK: Word break

struct onoma_word_break {
    UBreakIterator *iterator;
    UText *text;
    const uint8_t *bytes;
    int64_t length;
    int32_t previous;
};

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
    return wb;
}

void onoma_word_break_close(onoma_word_break *wb) {
    if (wb == NULL) return;
    ubrk_close(wb->iterator);
    if (wb->text != NULL) utext_close(wb->text);
    free(wb);
}

void onoma_word_break_set_text(onoma_word_break *wb, const char *utf8, int64_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    // utext_openUTF8 reuses the UText when given one, so no allocation per document.
    wb->text = utext_openUTF8(wb->text, utf8, length, &error);
    if (U_SUCCESS(error)) ubrk_setUText(wb->iterator, wb->text, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return;
    }
    wb->bytes = (const uint8_t *)utf8;
    wb->length = length;
    wb->previous = 0;
}

static int32_t segment_kind(const uint8_t *bytes, int64_t start, int64_t end, int32_t rule_status) {
    if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return ONOMA_KIND_NUMBER;
    if (rule_status >= UBRK_WORD_LETTER) return ONOMA_KIND_WORD;
    UChar32 c;
    int64_t i = start;
    U8_NEXT(bytes, i, end, c);
    if (c < 0) return ONOMA_KIND_SYMBOL;
    if (u_isUWhiteSpace(c)) return ONOMA_KIND_WHITESPACE;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR))
        return ONOMA_KIND_EMOJI;
    if (u_ispunct(c)) return ONOMA_KIND_PUNCTUATION;
    // Letters and digits that got status "none" (e.g. a lone combining mark) count as words.
    if (u_isalnum(c)) return u_isdigit(c) ? ONOMA_KIND_NUMBER : ONOMA_KIND_WORD;
    return ONOMA_KIND_SYMBOL;
}

static int32_t segment_script(const uint8_t *bytes, int64_t start, int64_t end) {
    int32_t first = USCRIPT_INVALID_CODE;
    for (int64_t i = start; i < end;) {
        UChar32 c;
        U8_NEXT(bytes, i, end, c);
        if (c < 0) continue;
        UErrorCode error = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &error);
        if (U_FAILURE(error)) continue;
        if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED) return script;
        if (first == USCRIPT_INVALID_CODE) first = script;
    }
    return first == USCRIPT_INVALID_CODE ? USCRIPT_COMMON : first;
}

int32_t onoma_word_break_next_segments(onoma_word_break *wb, onoma_word_segment *out, int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t next = ubrk_next(wb->iterator);
        if (next == UBRK_DONE) break;
        int64_t start = wb->previous, end = next;
        int32_t status = ubrk_getRuleStatus(wb->iterator);
        wb->previous = next;
        onoma_word_segment *segment = &out[count++];
        segment->start = start;
        segment->end = end;
        segment->rule_status = status;
        // ASCII fast paths: the first byte decides most segments of news text.
        uint8_t b = wb->bytes[start];
        if (b < 0x80 && status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) {
            segment->kind = ONOMA_KIND_WORD;
            segment->script = ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ? USCRIPT_LATIN : segment_script(wb->bytes, start, end);
        } else if (b == ' ' && end == start + 1) {
            segment->kind = ONOMA_KIND_WHITESPACE;
            segment->script = USCRIPT_COMMON;
        } else {
            segment->kind = segment_kind(wb->bytes, start, end, status);
            segment->script = segment_script(wb->bytes, start, end);
        }
    }
    return count;
}

int64_t onoma_word_break_count_boundaries(onoma_word_break *wb) {
    int64_t count = 0;
    while (ubrk_next(wb->iterator) != UBRK_DONE) count++;
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
