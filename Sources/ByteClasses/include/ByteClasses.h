// The byte classification of a CSV reader's structural index, for the one step Swift's SIMD
// types cannot say: gathering the comparison result of each of sixteen bytes into one bit
// (SSE2's movemask). Pure computation on memory the caller owns; no I/O, no state.
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
#endif

#endif
