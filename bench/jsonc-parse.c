/* The baseline of Palisade's benchmarks: json-c's bare parse of a file, with the same tokener
 * flags and depth limit the JSON layer uses, and nothing else. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: jsonc-parse FILE\n"); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buffer = malloc((size_t)size);
    if (!buffer || fread(buffer, 1, (size_t)size, f) != (size_t)size) { perror("read"); return 2; }
    fclose(f);
    struct json_tokener *tok = json_tokener_new_ex(512);
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS | JSON_TOKENER_VALIDATE_UTF8);
    struct json_object *root = json_tokener_parse_ex(tok, buffer, (int)size);
    if (json_tokener_get_error(tok) != json_tokener_success) { fprintf(stderr, "parse error\n"); return 2; }
    json_object_put(root);
    json_tokener_free(tok);
    free(buffer);
    return 0;
}
