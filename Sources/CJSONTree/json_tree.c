// The builder behind json_tree.h: one pass over validated text, with an explicit stack.
#include "json_tree.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

// MARK: - Hash seed

uint64_t pal_json_hash_seed;

/// Draws the seed before any parse; the clock and an address stand in if getrandom fails.
__attribute__((constructor)) static void pal_json_seed_hash(void) {
    uint64_t seed = 0;
#if defined(__APPLE__)
    arc4random_buf(&seed, sizeof(seed));
#elif defined(__linux__)
    if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) != (ssize_t)sizeof(seed)) seed = 0;
#endif
    if (seed == 0) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        seed = (uint64_t)now.tv_nsec ^ ((uint64_t)now.tv_sec << 32) ^ (uint64_t)(uintptr_t)&seed;
    }
    pal_json_hash_seed = seed;
}

// MARK: - Arena

struct pal_json_chunk {
    struct pal_json_chunk *next;
};

struct pal_json_arena {
    struct pal_json_chunk *chunks;
    char *cursor;
    char *end;
    /// The size of the next chunk: small documents (a decoded attribute) stay small.
    size_t next_size;
};

pal_json_arena *pal_json_arena_new(void) {
    pal_json_arena *arena = calloc(1, sizeof(pal_json_arena));
    if (arena) arena->next_size = 4096;
    return arena;
}

void pal_json_arena_free(pal_json_arena *arena) {
    if (!arena) return;
    struct pal_json_chunk *chunk = arena->chunks;
    while (chunk) {
        struct pal_json_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    free(arena);
}

static void *arena_grow(pal_json_arena *arena, size_t bytes) {
    size_t header = (sizeof(struct pal_json_chunk) + 7) & ~(size_t)7;
    size_t size = arena->next_size;
    if (arena->next_size < ((size_t)1 << 20)) arena->next_size *= 2;
    // A block bigger than a quarter chunk gets a chunk of its own, so the current one is kept.
    if (bytes > size / 4) {
        struct pal_json_chunk *chunk = malloc(header + bytes);
        if (!chunk) return NULL;
        if (arena->chunks) {
            chunk->next = arena->chunks->next;
            arena->chunks->next = chunk;
        } else {
            chunk->next = NULL;
            arena->chunks = chunk;
            arena->cursor = arena->end = (char *)chunk + header + bytes;
        }
        return (char *)chunk + header;
    }
    struct pal_json_chunk *chunk = malloc(header + size);
    if (!chunk) return NULL;
    chunk->next = arena->chunks;
    arena->chunks = chunk;
    arena->cursor = (char *)chunk + header + bytes;
    arena->end = (char *)chunk + header + size;
    return (char *)chunk + header;
}

void *pal_json_arena_allocate(pal_json_arena *arena, size_t bytes) {
    bytes = (bytes + 7) & ~(size_t)7;
    if ((size_t)(arena->end - arena->cursor) >= bytes) {
        void *block = arena->cursor;
        arena->cursor += bytes;
        return block;
    }
    return arena_grow(arena, bytes);
}

const char *pal_json_arena_copy(pal_json_arena *arena, const char *bytes, size_t length) {
    char *copy = pal_json_arena_allocate(arena, length + 1);
    if (!copy) return NULL;
    memcpy(copy, bytes, length);
    copy[length] = 0;
    return copy;
}

// MARK: - Containers

int pal_json_make_array(
    pal_json_arena *arena, const pal_json_node *elements, size_t count, pal_json_node *result) {
    memset(result, 0, sizeof(*result));
    result->kind = PAL_JSON_ARRAY;
    if (count > UINT32_MAX) return -1;
    result->count = (uint32_t)count;
    if (count == 0) return 0;
    pal_json_node *copy = pal_json_arena_allocate(arena, count * sizeof(pal_json_node));
    if (!copy) return -1;
    memcpy(copy, elements, count * sizeof(pal_json_node));
    result->as.elements = copy;
    return 0;
}

int pal_json_make_object(
    pal_json_arena *arena, const pal_json_member *members, size_t count, pal_json_node *result) {
    memset(result, 0, sizeof(*result));
    result->kind = PAL_JSON_OBJECT;
    if (count == 0) return 0;
    if (count > UINT32_MAX / 4) return -1;
    if (count <= 16) {
        pal_json_member *kept = pal_json_arena_allocate(arena, count * sizeof(pal_json_member));
        if (!kept) return -1;
        uint32_t kept_count = 0;
        for (size_t i = 0; i < count; i++) {
            const pal_json_member *member = &members[i];
            uint32_t j = 0;
            for (; j < kept_count; j++) {
                if (kept[j].hash == member->hash && kept[j].key_length == member->key_length
                    && memcmp(kept[j].key, member->key, member->key_length) == 0) {
                    break;
                }
            }
            if (j < kept_count) {
                kept[j].value = member->value;
            } else {
                kept[kept_count++] = *member;
            }
        }
        result->count = kept_count;
        result->as.members = kept;
        return 0;
    }
    // Open addressing, at most half full; the index lies just before the members.
    uint8_t bits = 1;
    while (((size_t)1 << bits) < count * 2) bits++;
    size_t slots = (size_t)1 << bits;
    uint32_t *index = pal_json_arena_allocate(arena, slots * sizeof(uint32_t) + count * sizeof(pal_json_member));
    if (!index) return -1;
    memset(index, 0, slots * sizeof(uint32_t));
    pal_json_member *kept = (pal_json_member *)(index + slots);
    uint32_t kept_count = 0;
    for (size_t i = 0; i < count; i++) {
        const pal_json_member *member = &members[i];
        size_t slot = member->hash & (slots - 1);
        for (;; slot = (slot + 1) & (slots - 1)) {
            uint32_t position = index[slot];
            if (position == 0) {
                kept[kept_count++] = *member;
                index[slot] = kept_count;
                break;
            }
            pal_json_member *existing = &kept[position - 1];
            if (existing->hash == member->hash && existing->key_length == member->key_length
                && memcmp(existing->key, member->key, member->key_length) == 0) {
                existing->value = member->value;
                break;
            }
        }
    }
    result->flag = bits;
    result->count = kept_count;
    result->as.members = kept;
    return 0;
}

// MARK: - Builder

/// A growable array of pending children, of nodes or of members.
typedef struct {
    char *items;
    size_t count;
    size_t capacity;
    size_t item_size;
} pending;

static void *pending_push(pending *list) {
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 64;
        char *items = realloc(list->items, capacity * list->item_size);
        if (!items) return NULL;
        list->items = items;
        list->capacity = capacity;
    }
    return list->items + list->item_size * list->count++;
}

typedef struct {
    uint8_t is_object;
    size_t start;
} frame;

typedef struct {
    pal_json_arena *arena;
    const char *text;
    size_t length;
    size_t position;
    pal_json_decode_fn decode;
    void *context;
    pending nodes;
    pending members;
    frame *frames;
    size_t depth;
    size_t frame_capacity;
} builder;

static inline int is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

static inline void skip_space(builder *b) {
    while (b->position < b->length && is_space(b->text[b->position])) b->position++;
}

/// Reads the string token at the position (a quote); the bytes and length of its value.
///
/// A key json-c accepts in single quotes goes to `decode` whole, like one with a \u escape.
static int read_string(builder *b, int is_key, const char **bytes, size_t *length) {
    const char *text = b->text;
    char quote = text[b->position];
    size_t start = b->position + 1;
    size_t i = start;
    int escaped = 0, delegated = quote != '"';
    for (;;) {
        if (i >= b->length) return -1;
        unsigned char c = (unsigned char)text[i];
        if (c == (unsigned char)quote) break;
        if (c == '\\') {
            if (i + 1 >= b->length) return -1;
            if (text[i + 1] == 'u') delegated = 1;
            escaped = 1;
            i += 2;
            continue;
        }
        if (c < 0x20) delegated = 1;
        i++;
    }
    size_t end = i;  // the closing quote
    b->position = end + 1;
    if (delegated) {
        if (!b->decode) return -1;
        return b->decode(b->context, b->arena, text + start - 1, end - start + 2, is_key, bytes, length);
    }
    if (!escaped) {
        *bytes = pal_json_arena_copy(b->arena, text + start, end - start);
        *length = end - start;
        return *bytes ? 0 : -1;
    }
    char *out = pal_json_arena_allocate(b->arena, end - start + 1);
    if (!out) return -1;
    size_t n = 0;
    for (i = start; i < end; i++) {
        char c = text[i];
        if (c != '\\') {
            out[n++] = c;
            continue;
        }
        i++;
        switch (text[i]) {
        case '"': out[n++] = '"'; break;
        case '\\': out[n++] = '\\'; break;
        case '/': out[n++] = '/'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        default: return -1;
        }
    }
    out[n] = 0;
    *bytes = out;
    *length = n;
    return 0;
}

/// Reads `literal` at the position as a node of `kind` with `flag` (a boolean) or `number`;
/// nonzero, and nothing read, when the text does not spell it.
static int read_literal(
    builder *b, const char *literal, size_t length, uint8_t kind, uint8_t flag, double number, pal_json_node *node) {
    if (b->length - b->position < length || memcmp(b->text + b->position, literal, length) != 0) return -1;
    b->position += length;
    memset(node, 0, sizeof(*node));
    node->kind = kind;
    node->flag = flag;
    if (kind == PAL_JSON_DOUBLE) node->as.number = number;
    return 0;
}

/// Reads the number at the position, as json-c's tokener converts it: an integer (no fraction
/// or exponent) with strtoll or strtoull, clamped to 64-bit signed as json-c reads it back, and
/// anything else with strtod.
static int read_number(builder *b, pal_json_node *node) {
    const char *text = b->text;
    size_t start = b->position, i = start;
    if (read_literal(b, "-Infinity", 9, PAL_JSON_DOUBLE, 0, -INFINITY, node) == 0) return 0;
    int is_double = 0;
    while (i < b->length) {
        char c = text[i];
        if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
            i++;
        } else if (c == '.' || c == 'e' || c == 'E') {
            is_double = 1;
            i++;
        } else {
            break;
        }
    }
    size_t length = i - start;
    if (length == 0) return -1;
    b->position = i;
    memset(node, 0, sizeof(*node));
    if (!is_double) {
        int negative = text[start] == '-';
        size_t digits = length - (size_t)negative;
        if (digits >= 1 && digits <= 18) {
            int64_t value = 0;
            for (size_t k = start + (size_t)negative; k < i; k++) {
                char c = text[k];
                if (c < '0' || c > '9') return -1;
                value = value * 10 + (c - '0');
            }
            node->kind = PAL_JSON_INT;
            node->as.integer = negative ? -value : value;
            return 0;
        }
    }
    char small[64];
    char *copy = length < sizeof(small) ? small : malloc(length + 1);
    if (!copy) return -1;
    memcpy(copy, text + start, length);
    copy[length] = 0;
    char *end = NULL;
    int status = 0;
    if (is_double) {
        node->kind = PAL_JSON_DOUBLE;
        node->as.number = strtod(copy, &end);
    } else if (copy[0] == '-') {
        node->kind = PAL_JSON_INT;
        node->as.integer = strtoll(copy, &end, 10);
    } else {
        unsigned long long value = strtoull(copy, &end, 10);
        node->kind = PAL_JSON_INT;
        node->as.integer = value > (unsigned long long)INT64_MAX ? INT64_MAX : (int64_t)value;
    }
    if (end != copy + length) status = -1;
    if (copy != small) free(copy);
    return status;
}

static int push_frame(builder *b, uint8_t is_object) {
    if (b->depth == b->frame_capacity) {
        size_t capacity = b->frame_capacity ? b->frame_capacity * 2 : 32;
        frame *frames = realloc(b->frames, capacity * sizeof(frame));
        if (!frames) return -1;
        b->frames = frames;
        b->frame_capacity = capacity;
    }
    b->frames[b->depth].is_object = is_object;
    b->frames[b->depth].start = is_object ? b->members.count : b->nodes.count;
    b->depth++;
    return 0;
}

/// Ends the innermost container: its children move into the arena, and it becomes `node`.
static int close_frame(builder *b, pal_json_node *node) {
    frame top = b->frames[--b->depth];
    if (top.is_object) {
        size_t count = b->members.count - top.start;
        const pal_json_member *members = (const pal_json_member *)(b->members.items) + top.start;
        b->members.count = top.start;
        return pal_json_make_object(b->arena, members, count, node);
    }
    size_t count = b->nodes.count - top.start;
    b->nodes.count = top.start;
    return pal_json_make_array(b->arena, (const pal_json_node *)(b->nodes.items) + top.start, count, node);
}

/// Reads a key, its colon, and pushes the member whose value comes next.
static int read_key(builder *b) {
    if (b->position >= b->length || (b->text[b->position] != '"' && b->text[b->position] != '\'')) return -1;
    const char *key;
    size_t length;
    if (read_string(b, 1, &key, &length) != 0) return -1;
    if (length > UINT32_MAX) return -1;
    skip_space(b);
    if (b->position >= b->length || b->text[b->position] != ':') return -1;
    b->position++;
    skip_space(b);
    pal_json_member *member = pending_push(&b->members);
    if (!member) return -1;
    member->key = key;
    member->key_length = (uint32_t)length;
    member->hash = pal_json_hash(key, length);
    return 0;
}

static int build(builder *b, int elements_only, pal_json_node *result) {
    pal_json_node node;
    skip_space(b);
    if (elements_only) {
        if (push_frame(b, 0) != 0) return -1;
        if (b->position >= b->length) goto close_run;
    }
    for (;;) {
        // A value starts here.
        if (b->position >= b->length) return -1;
        switch (b->text[b->position]) {
        case '{':
        case '[': {
            uint8_t is_object = b->text[b->position] == '{';
            b->position++;
            if (push_frame(b, is_object) != 0) return -1;
            skip_space(b);
            if (b->position < b->length && b->text[b->position] == (is_object ? '}' : ']')) {
                b->position++;
                if (close_frame(b, &node) != 0) return -1;
                break;
            }
            if (is_object && read_key(b) != 0) return -1;
            continue;
        }
        case '"': {
            const char *bytes;
            size_t length;
            if (read_string(b, 0, &bytes, &length) != 0 || length > UINT32_MAX) return -1;
            memset(&node, 0, sizeof(node));
            node.kind = PAL_JSON_STRING;
            node.count = (uint32_t)length;
            node.as.string = bytes;
            break;
        }
        case 't':
            if (read_literal(b, "true", 4, PAL_JSON_BOOL, 1, 0, &node) != 0) return -1;
            break;
        case 'f':
            if (read_literal(b, "false", 5, PAL_JSON_BOOL, 0, 0, &node) != 0) return -1;
            break;
        case 'n':
            if (read_literal(b, "null", 4, PAL_JSON_NULL, 0, 0, &node) != 0) return -1;
            break;
        // json-c reads these as numbers even in its strict mode.
        case 'N':
            if (read_literal(b, "NaN", 3, PAL_JSON_DOUBLE, 0, NAN, &node) != 0) return -1;
            break;
        case 'I':
            if (read_literal(b, "Infinity", 8, PAL_JSON_DOUBLE, 0, INFINITY, &node) != 0) return -1;
            break;
        default:
            if (read_number(b, &node) != 0) return -1;
            break;
        }
        // A value ended: it goes to its container, which may end too.
        for (;;) {
            if (b->depth == 0) {
                skip_space(b);
                if (b->position != b->length) return -1;
                *result = node;
                return 0;
            }
            frame *top = &b->frames[b->depth - 1];
            if (top->is_object) {
                ((pal_json_member *)b->members.items)[b->members.count - 1].value = node;
            } else {
                pal_json_node *slot = pending_push(&b->nodes);
                if (!slot) return -1;
                *slot = node;
            }
            skip_space(b);
            if (b->position >= b->length) {
                if (elements_only && b->depth == 1) goto close_run;
                return -1;
            }
            char c = b->text[b->position];
            if (c == ',') {
                b->position++;
                skip_space(b);
                if (top->is_object && read_key(b) != 0) return -1;
                break;
            }
            if ((c == '}' && top->is_object) || (c == ']' && !top->is_object)) {
                if (elements_only && b->depth == 1) return -1;
                b->position++;
                if (close_frame(b, &node) != 0) return -1;
                continue;
            }
            return -1;
        }
    }
close_run:
    return close_frame(b, result);
}

int pal_json_build(
    pal_json_arena *arena, const char *text, size_t length, int elements_only, pal_json_decode_fn decode,
    void *context, pal_json_node *result) {
    builder b = {
        .arena = arena,
        .text = text,
        .length = length,
        .decode = decode,
        .context = context,
        .nodes = {.item_size = sizeof(pal_json_node)},
        .members = {.item_size = sizeof(pal_json_member)},
    };
    int status = build(&b, elements_only, result);
    free(b.nodes.items);
    free(b.members.items);
    free(b.frames);
    return status;
}
