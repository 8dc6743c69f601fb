/* Main storage allocation, clearing and dirty logging. */
#include "storage.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct mainstor *storage_create(uint64_t size)
{
    size = (size + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
    if (size == 0 || size > STORAGE_MAX)
        return NULL;
    struct mainstor *ms = calloc(1, sizeof *ms);
    if (!ms)
        return NULL;
    /* mmap gives zeroed, page-aligned memory that is only backed when
       touched.  Inaccessible guard areas on both sides turn any access
       just outside the guest's storage into a fault instead of a silent
       read or write of host memory. */
    void *area = mmap(NULL, size + 2 * STORAGE_GUARD, PROT_NONE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    uint8_t *mem = area == MAP_FAILED ? NULL : (uint8_t *)area + STORAGE_GUARD;
    uint64_t frames = size >> PAGE_SHIFT;
    ms->skey = calloc(frames, 1);
    ms->unusable = calloc(frames, 1);
    if (!mem || mprotect(mem, size, PROT_READ | PROT_WRITE) != 0 || !ms->skey || !ms->unusable) {
        if (mem)
            munmap(area, size + 2 * STORAGE_GUARD);
        free(ms->skey);
        free(ms->unusable);
        free(ms);
        return NULL;
    }
    ms->mem = mem;
    ms->size = size;
    ms->owns_mem = true;
    return ms;
}

void storage_destroy(struct mainstor *ms)
{
    if (!ms)
        return;
    if (ms->owns_mem)
        munmap(ms->mem - STORAGE_GUARD, ms->size + 2 * STORAGE_GUARD);
    free(ms->skey);
    free(ms->unusable);
    free(ms->dirty);
    free(ms);
}

void storage_clear(struct mainstor *ms)
{
    /* MADV_DONTNEED on a private anonymous mapping gives back zero pages
       without touching (and so committing) every page of a large storage. */
    if (!ms->owns_mem || madvise(ms->mem, ms->size, MADV_DONTNEED) != 0)
        memset(ms->mem, 0, ms->size);
    memset(ms->skey, 0, ms->size >> PAGE_SHIFT);
}

bool storage_dirty_log(struct mainstor *ms, bool on)
{
    if (!on) {
        free(ms->dirty);
        ms->dirty = NULL;
        return true;
    }
    if (ms->dirty)
        return true;
    uint64_t words = ((ms->size >> PAGE_SHIFT) + 63) / 64;
    ms->dirty = calloc(words, sizeof *ms->dirty);
    return ms->dirty != NULL;
}
