// The byte classification of a CSV reader's structural index, for the one step Swift's SIMD
// types cannot say: gathering the comparison result of each of sixteen bytes into one bit
// (SSE2's movemask); and sixteen digits read as one number with SSE2's multiply-adds. Pure
// computation on memory the caller owns; no I/O, no state.
#ifndef BYTE_CLASSES_H
#define BYTE_CLASSES_H

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>

/// One bit per byte of the 64 at `p` (bit k for byte k): set where the byte is `separator`,
/// `\n` or `\r`. All 64 bytes must be readable.
static inline uint64_t byte_classes_field_ends_64(const uint8_t *p, uint8_t separator) {
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

/// The number written by the sixteen ASCII digits at `p`, the first the most significant, with
/// the first `skip` bytes (0 to 16) taken as zeros whatever they hold; UINT64_MAX when any other
/// byte is not a digit. SSE2 throughout: digit pairs by a 16-bit multiplication, then quads and
/// the two halves of eight by multiply-adds, as in D. Lemire's SIMD digit parsing (which starts
/// with SSSE3's byte multiply-add, not in the x86-64 baseline).
static inline uint64_t byte_classes_sixteen_digits(const uint8_t *p, unsigned skip) {
    const __m128i lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m128i kept = _mm_cmpgt_epi8(lanes, _mm_set1_epi8((char)((int)skip - 1)));
    const __m128i digits = _mm_and_si128(
        _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), _mm_set1_epi8('0')), kept);
    const __m128i above = _mm_subs_epu8(digits, _mm_set1_epi8(9));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(above, _mm_setzero_si128())) != 0xFFFF) return UINT64_MAX;
    const __m128i pairs = _mm_add_epi16(
        _mm_mullo_epi16(_mm_and_si128(digits, _mm_set1_epi16(0x00FF)), _mm_set1_epi16(10)), _mm_srli_epi16(digits, 8));
    const __m128i quads = _mm_madd_epi16(pairs, _mm_setr_epi16(100, 1, 100, 1, 100, 1, 100, 1));
    const __m128i packed = _mm_packs_epi32(quads, quads);
    const __m128i eights = _mm_madd_epi16(packed, _mm_setr_epi16(10000, 1, 10000, 1, 10000, 1, 10000, 1));
    const uint64_t halves = (uint64_t)_mm_cvtsi128_si64(eights);
    return (halves & 0xFFFFFFFFu) * 100000000u + (halves >> 32);
}
#endif

#endif
