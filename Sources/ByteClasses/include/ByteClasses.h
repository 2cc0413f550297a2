// The byte classification of a CSV reader's structural index, for the one step Swift's SIMD
// types cannot say: gathering the comparison result of each of sixteen bytes into one bit
// (SSE2's movemask); and sixteen digits read as one number, or as two, with SSE2's multiply-adds.
// Pure computation on memory the caller owns; no I/O, no state.
#ifndef BYTE_CLASSES_H
#define BYTE_CLASSES_H

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>

/// One bit per byte of the 64 at `p` (bit k for byte k): set where the byte is `separator`,
/// `\n` or `\r`. All 64 bytes must be readable.
static inline __attribute__((always_inline)) uint64_t byte_classes_field_ends_64(const uint8_t *p, uint8_t separator) {
    const __m128i separators = _mm_set1_epi8((char)separator);
    const __m128i newlines = _mm_set1_epi8('\n');
    const __m128i returns = _mm_set1_epi8('\r');
    uint64_t bits = 0;
    for (int k = 0; k < 4; k++) {
        const __m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        const __m128i matches = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, separators), _mm_cmpeq_epi8(bytes, newlines)),
            _mm_cmpeq_epi8(bytes, returns));
        bits |= (uint64_t)(uint16_t)_mm_movemask_epi8(matches) << (16 * k);
    }
    return bits;
}

/// Two numbers of eight digits each from sixteen digit values (0 to 9, the first byte of each
/// half the most significant), in the low two 32-bit lanes: digit pairs by a 16-bit
/// multiplication, then quads and the halves of eight by multiply-adds, as in D. Lemire's SIMD
/// digit parsing (which starts with SSSE3's byte multiply-add, not in the x86-64 baseline).
static inline __attribute__((always_inline)) __m128i byte_classes_two_eights(__m128i digits) {
    const __m128i pairs = _mm_add_epi16(
        _mm_mullo_epi16(_mm_and_si128(digits, _mm_set1_epi16(0x00FF)), _mm_set1_epi16(10)), _mm_srli_epi16(digits, 8));
    const __m128i quads = _mm_madd_epi16(pairs, _mm_setr_epi16(100, 1, 100, 1, 100, 1, 100, 1));
    const __m128i packed = _mm_packs_epi32(quads, quads);
    return _mm_madd_epi16(packed, _mm_setr_epi16(10000, 1, 10000, 1, 10000, 1, 10000, 1));
}

/// Whether every byte of `digits` is a digit value (0 to 9).
static inline __attribute__((always_inline)) int byte_classes_all_digit_values(__m128i digits) {
    const __m128i above = _mm_subs_epu8(digits, _mm_set1_epi8(9));
    return _mm_movemask_epi8(_mm_cmpeq_epi8(above, _mm_setzero_si128())) == 0xFFFF;
}

/// The number written by the sixteen ASCII digits at `p`, the first the most significant, with
/// the first `skip` bytes (0 to 16) taken as zeros whatever they hold; UINT64_MAX when any other
/// byte is not a digit. SSE2 throughout (``byte_classes_two_eights``).
static inline __attribute__((always_inline)) uint64_t byte_classes_sixteen_digits(const uint8_t *p, unsigned skip) {
    // Sixteen zeros then sixteen ones: the sixteen from 16 − skip on keep the lanes from skip on.
    static const uint8_t kept_from[32] = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    };
    const __m128i kept = _mm_loadu_si128((const __m128i *)(const void *)(kept_from + 16 - skip));
    const __m128i digits = _mm_and_si128(
        _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), _mm_set1_epi8('0')), kept);
    if (!byte_classes_all_digit_values(digits)) return UINT64_MAX;
    const uint64_t halves = (uint64_t)_mm_cvtsi128_si64(byte_classes_two_eights(digits));
    return (halves & 0xFFFFFFFFu) * 100000000u + (halves >> 32);
}

/// Two fields of one to eight bytes, the `length` bytes before `end` and the `next_length`
/// before `next_end` (each with eight readable bytes before its end), written to `out[0]` and
/// `out[1]` as the numbers they are when every byte of both is a digit; 0, with nothing written,
/// when one is not. The eight bytes that end each field are loaded into one half of a vector,
/// the bytes before the field masked off (a mask per length, from a table) and the digits
/// checked and converted together: a column of codes or counts is read two fields at a time.
static inline __attribute__((always_inline)) int byte_classes_two_integers(
    const uint8_t *p, long end, long length, long next_end, long next_length, double *out) {
    // For a field of k bytes (row k), its lanes of the eight that end with it: the last k.
    static const uint8_t field_lanes[9][8] = {
        {0, 0, 0, 0, 0, 0, 0, 0},
        {0, 0, 0, 0, 0, 0, 0, 0xFF},
        {0, 0, 0, 0, 0, 0, 0xFF, 0xFF},
        {0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF},
        {0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF},
        {0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
        {0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
        {0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
        {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
    };
    const __m128i first_word = _mm_loadl_epi64((const __m128i *)(const void *)(p + end - 8));
    const __m128i words = _mm_castpd_si128(
        _mm_loadh_pd(_mm_castsi128_pd(first_word), (const double *)(const void *)(p + next_end - 8)));
    const __m128i first_lanes = _mm_loadl_epi64((const __m128i *)(const void *)field_lanes[length]);
    const __m128i lanes = _mm_castpd_si128(
        _mm_loadh_pd(_mm_castsi128_pd(first_lanes), (const double *)(const void *)field_lanes[next_length]));
    const __m128i digits = _mm_and_si128(_mm_sub_epi8(words, _mm_set1_epi8('0')), lanes);
    if (!byte_classes_all_digit_values(digits)) return 0;
    _mm_storeu_pd(out, _mm_cvtepi32_pd(byte_classes_two_eights(digits)));
    return 1;
}

/// Whether the `n` bytes at `a` and at `b` are the same, for `n` from 8 to 64: four chunks of
/// sixteen, at 0, 16 and 32 (each clamped to `n` − 16) and at `n` − 16, compared whatever `n`
/// is (the chunks overlap when it is shorter), so that values of different lengths take the
/// same path. Under sixteen bytes every chunk is the sixteen that end with the values, and the
/// lanes before them are left out: the 16 − `n` bytes before `a` and before `b` must be
/// readable.
static inline __attribute__((always_inline)) int byte_classes_same_8_to_64(const uint8_t *a, const uint8_t *b, long n) {
    const long last = n - 16;
    const long first = last < 0 ? last : 0, second = last < 16 ? last : 16, third = last < 32 ? last : 32;
#define BYTE_CLASSES_CHUNKS_EQUAL(offset) _mm_cmpeq_epi8( \
        _mm_loadu_si128((const __m128i *)(const void *)(a + (offset))), \
        _mm_loadu_si128((const __m128i *)(const void *)(b + (offset))))
    const __m128i same = _mm_and_si128(
        _mm_and_si128(BYTE_CLASSES_CHUNKS_EQUAL(first), BYTE_CLASSES_CHUNKS_EQUAL(second)),
        _mm_and_si128(BYTE_CLASSES_CHUNKS_EQUAL(third), BYTE_CLASSES_CHUNKS_EQUAL(last)));
#undef BYTE_CLASSES_CHUNKS_EQUAL
    const unsigned before = (unsigned)(last < 0 ? -last : 0);
    return ((unsigned)_mm_movemask_epi8(same) | ((1u << before) - 1u)) == 0xFFFFu;
}
#endif

#endif
