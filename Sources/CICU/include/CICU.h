// CICU: a plain-C shim over the system ICU (libicu-dev).
//
// Swift cannot call ICU by name (the headers rename every entry point by version, and Foundation's
// own ICU clashes with the system headers), so this header exposes `onoma_*` functions that take
// plain C types only. Every function that can fail takes an `int32_t *status` in ICU's convention:
// it must be 0 (U_ZERO_ERROR) on entry, and a positive value on return is a failure.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#include "cicu_regions.h"

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Status

/// The name of an ICU status code (u_errorName), e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *onoma_u_error_name(int32_t status);
/// The status value ICU uses for an output buffer that is too small.
int32_t onoma_u_buffer_overflow_error(void);

// MARK: Word break

/// Token kinds the segmenter assigns (see onoma_word_segment.kind).
enum {
    ONOMA_KIND_WHITESPACE = 0,
    ONOMA_KIND_WORD = 1,
    ONOMA_KIND_NUMBER = 2,
    ONOMA_KIND_PUNCTUATION = 3,
    ONOMA_KIND_SYMBOL = 4,
    ONOMA_KIND_EMOJI = 5,
};

/// One segment between two word boundaries, in UTF-8 byte offsets.
typedef struct onoma_word_segment {
    int64_t start;
    int64_t end;
    /// ubrk_getRuleStatus of the boundary at `end` (UBRK_WORD_* ranges).
    int32_t rule_status;
    /// One of ONOMA_KIND_*.
    int32_t kind;
    /// UScriptCode of the first code point that is not Common or Inherited (else of the first).
    int32_t script;
    /// 1 when every byte of the segment is ASCII, else 0.
    int32_t is_ascii;
} onoma_word_segment;

typedef struct onoma_word_break onoma_word_break;

/// Options of onoma_word_break_next_segments (bit flags).
enum {
    /// Report whitespace segments too (they are skipped otherwise).
    ONOMA_SEGMENTS_WHITESPACE = 1,
    /// Report only segments that contain a non-ASCII byte. Runs of ASCII longer than a few words
    /// are skipped without running the break rules over them (the iterator resumes with
    /// ubrk_following, which finds the same boundaries as iterating from the start).
    ONOMA_SEGMENTS_NON_ASCII = 2,
    /// Find every segment with ICU, also the ones the shim otherwise finds by the same rules
    /// itself (for tests that compare the two).
    ONOMA_SEGMENTS_ICU_ONLY = 4,
};

/// Opens a UAX #29 word break iterator (ubrk_open(UBRK_WORD)) for `locale` ("" is the root locale).
onoma_word_break *onoma_word_break_open(const char *locale, int32_t *status);
void onoma_word_break_close(onoma_word_break *wb);
/// Points the iterator at UTF-8 text, which must be valid (as Swift strings are), stay valid and
/// unchanged until the next set_text or close, and be at most INT32_MAX bytes. The iterator runs
/// over UTF-16, converted a chunk of about 32 KB at a time; offsets it reports are UTF-8 bytes.
void onoma_word_break_set_text(onoma_word_break *wb, const char *utf8, int64_t length, int32_t *status);
/// Fills up to `capacity` segments after the previous call's last one, as `options`
/// (ONOMA_SEGMENTS_*) select; returns how many (0 at the end, or on invalid UTF-8 with `*status` set).
int32_t onoma_word_break_next_segments(onoma_word_break *wb, int32_t options, onoma_word_segment *out,
                                       int32_t capacity, int32_t *status);
/// Counts the boundaries of the text after 0 (ubrk_next to the end, with the same UTF-16
/// conversion as next_segments): the raw ICU baseline.
int64_t onoma_word_break_count_boundaries(onoma_word_break *wb, int32_t *status);
/// 1 when the shim finds segments of ASCII, of two-byte UTF-8 characters (Latin, Greek,
/// Cyrillic ...) and of general punctuation by the word break rules itself (the iterator has
/// ICU's root rules, not a locale's own), else 0.
int32_t onoma_word_break_uses_shim_rules(const onoma_word_break *wb);

// MARK: Transliterator

typedef struct onoma_transliterator onoma_transliterator;

/// Opens a transliterator (utrans_openU). With `rules` non-NULL, `id` names a custom rule set
/// (which may itself contain `::Any-Latin;` style compound steps); otherwise `id` is an ICU
/// transform id, compound ids allowed ("Any-Latin; Latin-ASCII"). Parse errors set `*error_offset`
/// to the offset in the rules, or -1.
onoma_transliterator *onoma_transliterator_open(const uint16_t *id, int32_t id_length,
                                                const uint16_t *rules, int32_t rules_length,
                                                int32_t *error_offset, int32_t *status);
/// A copy usable from another thread (utrans_clone).
onoma_transliterator *onoma_transliterator_clone(const onoma_transliterator *t, int32_t *status);
void onoma_transliterator_close(onoma_transliterator *t);
/// Transliterates `length` UTF-16 units in place (utrans_transUChars); returns the new length.
/// When that exceeds `capacity`, sets U_BUFFER_OVERFLOW_ERROR and the caller retries larger.
int32_t onoma_transliterator_apply(const onoma_transliterator *t, uint16_t *text, int32_t length,
                                   int32_t capacity, int32_t *status);
/// Writes every available transform id (utrans_openIDs), separated by '\n', into `out`; returns
/// the length needed (call with capacity 0 to size the buffer).
int32_t onoma_transliterator_available_ids(uint16_t *out, int32_t capacity, int32_t *status);

// MARK: Normalizer2

enum {
    ONOMA_NORM_NFC = 0,
    ONOMA_NORM_NFD = 1,
    ONOMA_NORM_NFKC = 2,
    ONOMA_NORM_NFKD = 3,
    ONOMA_NORM_NFKC_CASEFOLD = 4,
};

/// Normalizes UTF-16 text into `dest` (unorm2_normalize with the ICU singleton for `form`);
/// returns the length needed.
int32_t onoma_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest,
                        int32_t capacity, int32_t *status);
/// 1 when the text is certainly normalized (unorm2_isNormalized), else 0.
int32_t onoma_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *status);
/// 1 when code point `c` never interacts with what precedes it in `form`
/// (unorm2_hasBoundaryBefore): text can be normalized in pieces that start with it.
int32_t onoma_has_boundary_before(int32_t form, int32_t c, int32_t *status);

// MARK: Spoof checker (UTS #39)

typedef struct onoma_spoof_checker onoma_spoof_checker;

/// Opens a checker (uspoof_open) with the restriction-level check at "highly restrictive"
/// (Latin may mix with Han + Kana, Han + Bopomofo or Han + Hangul only) plus the mixed-script and
/// invisible-character checks. Checking is thread-safe once opened.
onoma_spoof_checker *onoma_spoof_checker_open(int32_t *status);
void onoma_spoof_checker_close(onoma_spoof_checker *sc);
/// The uspoof_check2 result bits for `text` (0 when nothing is suspicious).
int32_t onoma_spoof_check(const onoma_spoof_checker *sc, const uint16_t *text, int32_t length,
                          int32_t *status);
/// The confusable skeleton (uspoof_getSkeleton); returns the length needed.
int32_t onoma_spoof_skeleton(const onoma_spoof_checker *sc, const uint16_t *text, int32_t length,
                             uint16_t *dest, int32_t capacity, int32_t *status);
/// The USPOOF_RESTRICTION_LEVEL bit, to test results against.
int32_t onoma_spoof_restriction_level_bit(void);

// MARK: Scripts

/// The UScriptCode of a code point (uscript_getScript).
int32_t onoma_script_of(uint32_t code_point);
/// ISO 15924 code of a script, e.g. "Latn" (uscript_getShortName); NULL for an invalid code.
const char *onoma_script_short_name(int32_t script);
/// Long name of a script, e.g. "Latin" (uscript_getName); NULL for an invalid code.
const char *onoma_script_long_name(int32_t script);
/// The script code for an ISO 15924 code or name, or -1 (uscript_getCode).
int32_t onoma_script_code(const char *name);

#ifdef __cplusplus
}
#endif

#endif
