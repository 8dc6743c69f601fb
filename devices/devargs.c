/* Device argument strings: "FILE key=value flag ...". */
#include "devargs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Split s into NUL-terminated words in a->mem; returns the word count or
   -1 for an unterminated quote. */
static int split_words(char *p, char **words, int max)
{
    int n = 0;
    char *out = p;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (n == max)
            return max + 1;
        words[n++] = out;
        while (*p && *p != ' ' && *p != '\t') {
            if (*p == '"') {
                char *end = strchr(p + 1, '"');
                if (!end)
                    return -1;
                memmove(out, p + 1, (size_t)(end - p - 1));
                out += end - p - 1;
                p = end + 1;
            } else {
                *out++ = *p++;
            }
        }
        if (*p)
            p++;
        *out++ = '\0';
    }
    return n;
}

bool devargs_parse(struct devargs *a, const char *s, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    a->mem = strdup(s ? s : "");
    if (!a->mem) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    char *words[DEVARGS_MAX + 1];
    int n = split_words(a->mem, words, DEVARGS_MAX + 1);
    if (n < 0 || n > DEVARGS_MAX + 1) {
        snprintf(err, errlen, n < 0 ? "unterminated quote in device arguments"
                                    : "too many device arguments");
        devargs_free(a);
        return false;
    }
    for (int i = 0; i < n; i++) {
        char *eq = strchr(words[i], '=');
        if (!eq && !a->file && i == 0) {
            a->file = words[i];
            continue;
        }
        if (a->n == DEVARGS_MAX) {
            snprintf(err, errlen, "too many device arguments");
            devargs_free(a);
            return false;
        }
        if (eq)
            *eq = '\0';
        a->opt[a->n].key = words[i];
        a->opt[a->n].val = eq ? eq + 1 : NULL;
        a->n++;
    }
    return true;
}

void devargs_free(struct devargs *a)
{
    free(a->mem);
    memset(a, 0, sizeof *a);
}

const char *devargs_get(struct devargs *a, const char *key)
{
    for (int i = 0; i < a->n; i++)
        if (!strcmp(a->opt[i].key, key)) {
            a->opt[i].used = true;
            return a->opt[i].val ? a->opt[i].val : "";
        }
    return NULL;
}

bool devargs_flag(struct devargs *a, const char *key) { return devargs_get(a, key) != NULL; }

bool devargs_sync(struct devargs *a, enum img_sync *out, char *err, size_t errlen)
{
    const char *v = devargs_get(a, "sync");
    *out = IMG_SYNC_ALWAYS;
    if (v && !img_sync_parse(v, out)) {
        snprintf(err, errlen, "sync=%s: expected sync=always or sync=none", v);
        return false;
    }
    return true;
}

bool devargs_readonly(struct devargs *a)
{
    bool ro = devargs_flag(a, "ro");
    return devargs_flag(a, "readonly") || ro;
}

bool devargs_check_used(const struct devargs *a, char *err, size_t errlen)
{
    for (int i = 0; i < a->n; i++)
        if (!a->opt[i].used) {
            snprintf(err, errlen, "unknown device argument '%s'", a->opt[i].key);
            return false;
        }
    return true;
}

bool devargs_image(const char *args, struct image_args *out, char *err, size_t errlen)
{
    struct devargs a;
    if (!devargs_parse(&a, args, err, errlen))
        return false;
    out->readonly = devargs_readonly(&a);
    bool ok = devargs_sync(&a, &out->sync, err, errlen) && devargs_check_used(&a, err, errlen);
    if (ok && (!a.file || strlen(a.file) >= sizeof out->file)) {
        snprintf(err, errlen, a.file ? "image file name too long" : "no image file given");
        ok = false;
    }
    if (ok)
        strcpy(out->file, a.file);
    devargs_free(&a);
    return ok;
}
