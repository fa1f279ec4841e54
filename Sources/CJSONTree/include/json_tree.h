// A read-only JSON tree in arenas, built from text a validator has accepted.
//
// It replaces json-c's tree for reading: a node is 16 bytes and an object's members lie side
// by side, where json-c allocates every value, key and hash table on its own. Nothing here
// reports syntax errors with positions; callers validate first and ask json-c for the error.
#ifndef PALISADE_JSON_TREE_H
#define PALISADE_JSON_TREE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum {
    PAL_JSON_NULL = 0,
    PAL_JSON_BOOL = 1,
    PAL_JSON_INT = 2,
    PAL_JSON_DOUBLE = 3,
    PAL_JSON_STRING = 4,
    PAL_JSON_ARRAY = 5,
    PAL_JSON_OBJECT = 6,
};

struct pal_json_member;

/// One value. `count` is a string's byte length, an array's elements or an object's members.
typedef struct pal_json_node {
    uint8_t kind;
    /// A boolean's value; for an object, log2 of its index's slots (0: no index).
    uint8_t flag;
    uint16_t reserved;
    uint32_t count;
    union {
        int64_t integer;
        double number;
        /// NUL-terminated; may hold NUL bytes before `count`.
        const char *string;
        const struct pal_json_node *elements;
        const struct pal_json_member *members;
    } as;
} pal_json_node;

/// One member of an object: a NUL-terminated key, its length and hash, and the value.
typedef struct pal_json_member {
    const char *key;
    uint32_t key_length;
    uint32_t hash;
    pal_json_node value;
} pal_json_member;

/// Memory for the nodes, members and strings of one or more trees, freed all at once.
typedef struct pal_json_arena pal_json_arena;

pal_json_arena *pal_json_arena_new(void);
void pal_json_arena_free(pal_json_arena *arena);
/// `bytes` of 8-byte aligned memory that lives as long as the arena; NULL when out of memory.
void *pal_json_arena_allocate(pal_json_arena *arena, size_t bytes);
/// A NUL-terminated copy of `length` bytes in the arena; NULL when out of memory.
const char *pal_json_arena_copy(pal_json_arena *arena, const char *bytes, size_t length);

/// A random number drawn once per process: it seeds `pal_json_hash`.
extern uint64_t pal_json_hash_seed;

/// What members are indexed and looked up by: FNV-1a over the key's bytes, 64 bits wide and
/// seeded at random per process, then folded to 32 bits. The seed keeps a text from placing
/// thousands of keys of one object in one run of slots (hash flooding); a hash only places
/// keys, so no output depends on it.
static inline uint32_t pal_json_hash(const char *bytes, size_t length) {
    uint64_t hash = 14695981039346656037ull ^ pal_json_hash_seed;
    for (size_t i = 0; i < length; i++) {
        hash = (hash ^ (uint8_t)bytes[i]) * 1099511628211ull;
    }
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdull;
    hash ^= hash >> 33;
    return (uint32_t)hash;
}

/// Decodes a string token (quotes included) that the builder leaves to its caller: one with a
/// \u escape or a raw control byte. Writes a NUL-terminated copy into the arena; for a key, the
/// copy ends at the first NUL, as json-c keeps keys. Returns 0 on success.
typedef int (*pal_json_decode_fn)(
    void *context, pal_json_arena *arena, const char *token, size_t length, int is_key,
    const char **decoded, size_t *decoded_length);

/// Builds the tree of one JSON value from `text`, which a validator has accepted; with
/// `elements_only`, `text` is a run of array elements separated by commas, built as one array.
/// Returns 0 and the node, or nonzero when the text is not what the builder expects.
int pal_json_build(
    pal_json_arena *arena, const char *text, size_t length, int elements_only, pal_json_decode_fn decode,
    void *context, pal_json_node *result);

/// An array of `count` elements, copied into the arena. Returns 0 on success.
int pal_json_make_array(
    pal_json_arena *arena, const pal_json_node *elements, size_t count, pal_json_node *result);

/// An object of `count` members, copied into the arena: a key met again keeps its first
/// position and takes the later value, as json-c's object_add does. Returns 0 on success.
int pal_json_make_object(
    pal_json_arena *arena, const pal_json_member *members, size_t count, pal_json_node *result);

/// The member of `object` with this key, or NULL.
static inline const pal_json_node *pal_json_lookup(
    const pal_json_node *object, const char *key, size_t length, uint32_t hash) {
    const pal_json_member *members = object->as.members;
    uint32_t count = object->count;
    if (object->flag == 0) {
        for (uint32_t i = 0; i < count; i++) {
            if (members[i].hash == hash && members[i].key_length == length
                && memcmp(members[i].key, key, length) == 0) {
                return &members[i].value;
            }
        }
        return NULL;
    }
    size_t slots = (size_t)1 << object->flag;
    const uint32_t *index = (const uint32_t *)members - slots;
    for (size_t slot = hash & (slots - 1);; slot = (slot + 1) & (slots - 1)) {
        uint32_t position = index[slot];
        if (position == 0) return NULL;
        const pal_json_member *member = &members[position - 1];
        if (member->hash == hash && member->key_length == length && memcmp(member->key, key, length) == 0) {
            return &member->value;
        }
    }
}

#endif
