#ifndef PALISADE_SHA256_BLOCKS_H
#define PALISADE_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (with SSSE3 and SSE4.1), so that
/// `palisade_sha256_blocks` may be called.
int palisade_sha256_blocks_available(void);

/// Mixes `count` whole 64-byte blocks at `blocks` into `state` (SHA-256's eight words, a..h)
/// with the processor's SHA instructions; call only when `palisade_sha256_blocks_available`.
void palisade_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
