/* The 3215/1052 operator console. */
#include "console.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ebcdic.h"
#include "latch.h"

#define CMD_WRITE      0x01
#define CMD_WRITE_CR   0x09
#define CMD_READ       0x0A
#define CMD_NOP        0x03
#define CMD_ALARM      0x0B
#define CMD_SENSE      0x04
#define CMD_SENSE_ID   0xE4

#define SENSE_CMD_REJECT   0x80
#define SENSE_INTERVENTION 0x40

struct input_line {
    struct input_line *next;
    size_t len;
    char text[];
};

struct console {
    struct device dev;
    pthread_mutex_t lock;
    pthread_cond_t cv;
    console_sink_fn *sink;
    void *sink_ctx;
    struct input_line *head, **tail;
    bool input_ended;
    bool halted;          /* HALT/CLEAR during this channel program */
    uint8_t sense;
};

static const struct device_ops console_ops;

static struct console *con(struct device *d)
{
    return d->priv;
}

static void write_text(struct console *k, const uint8_t *data, uint32_t n, bool cr)
{
    char *text = malloc(2 * (size_t)n + 1);
    if (!text)
        return;
    size_t len = ebcdic_to_text(data, n, text);
    if (cr)
        text[len++] = '\n';
    pthread_mutex_lock(&k->lock);
    if (k->sink && len)
        k->sink(k->sink_ctx, text, len);
    pthread_mutex_unlock(&k->lock);
    free(text);
}

/* READ INQUIRY: the next input line, waiting for one unless halted. */
static void read_line(struct console *k, struct dev_cmd *cmd)
{
    pthread_mutex_lock(&k->lock);
    while (!k->head && !k->input_ended && !k->halted)
        pthread_cond_wait(&k->cv, &k->lock);
    struct input_line *l = k->head;
    if (l) {
        k->head = l->next;
        if (!k->head)
            k->tail = &k->head;
    }
    bool ended = !l && !k->halted;
    pthread_mutex_unlock(&k->lock);
    cmd->residual = cmd->count;
    if (l) {
        uint8_t *line = malloc(l->len + 1);
        size_t n = line ? text_to_ebcdic(l->text, l->len, line, l->len + 1) : 0;
        size_t used = n < cmd->count ? n : cmd->count;
        if (used)
            memcpy(cmd->data, line, used);
        cmd->residual = cmd->count - (uint32_t)used;
        cmd->overrun = n > cmd->count;
        free(line);
        free(l);
    } else if (ended) {
        k->sense = SENSE_INTERVENTION;
        cmd->status |= US_UC;
    }
}

/* Copy a fixed response (sense, sense ID) into the input area. */
static void respond(struct dev_cmd *cmd, const uint8_t *resp, uint32_t n)
{
    uint32_t used = n < cmd->count ? n : cmd->count;
    memcpy(cmd->data, resp, used);
    cmd->residual = cmd->count - used;
    cmd->overrun = n > cmd->count;
}

static void console_execute(struct device *d, struct dev_cmd *cmd)
{
    struct console *k = con(d);
    cmd->status = US_CE | US_DE;
    cmd->residual = 0;
    if (cmd->code != CMD_SENSE)
        k->sense = 0;
    switch (cmd->code) {
    case CMD_WRITE:
    case CMD_WRITE_CR:
        write_text(k, cmd->data, cmd->count, cmd->code == CMD_WRITE_CR);
        break;
    case CMD_READ:
        read_line(k, cmd);
        break;
    case CMD_NOP:
    case CMD_ALARM:
        cmd->residual = cmd->count;
        break;
    case CMD_SENSE: {
        uint8_t sense = k->sense;
        k->sense = 0;
        respond(cmd, &sense, 1);
        break;
    }
    case CMD_SENSE_ID: {
        uint8_t id[7];
        respond(cmd, id, (uint32_t)device_sense_id(d, id, sizeof id));
        break;
    }
    default:
        k->sense = SENSE_CMD_REJECT;
        cmd->residual = cmd->count;
        cmd->status |= US_UC;
        break;
    }
}

static void console_chain_begin(struct device *d)
{
    struct console *k = con(d);
    latch_set(&k->lock, &k->cv, &k->halted, false);
}

static void console_halt(struct device *d)
{
    struct console *k = con(d);
    latch_set(&k->lock, &k->cv, &k->halted, true);
}

static void console_destroy(struct device *d)
{
    struct console *k = con(d);
    while (k->head) {
        struct input_line *l = k->head;
        k->head = l->next;
        free(l);
    }
    pthread_mutex_destroy(&k->lock);
    pthread_cond_destroy(&k->cv);
    free(k);
}

/* Only the sense byte is state worth carrying over; queued input belongs
   to the host side. */
static size_t console_state_size(const struct device *d)
{
    (void)d;
    return 1;
}

static bool console_state_save(const struct device *d, uint8_t *buf, size_t len)
{
    if (len < 1)
        return false;
    buf[0] = ((const struct console *)d->priv)->sense;
    return true;
}

static bool console_state_load(struct device *d, const uint8_t *buf, size_t len)
{
    if (len < 1)
        return false;
    con(d)->sense = buf[0];
    return true;
}

static const struct device_ops console_ops = {
    .name = "console",
    .chain_begin = console_chain_begin,
    .execute = console_execute,
    .halt = console_halt,
    .state_size = console_state_size,
    .state_save = console_state_save,
    .state_load = console_state_load,
    .destroy = console_destroy,
};

struct device *console_create(const char *type, uint16_t devnum, const char *args,
                              char *err, size_t errlen)
{
    (void)args;
    (void)err;
    (void)errlen;
    struct console *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    uint16_t model = strncmp(type, "1052", 4) ? 0x3215 : 0x1052;
    k->dev = (struct device){ .ops = &console_ops, .devnum = devnum, .devtype = model,
                              .devmodel = 1, .cutype = model, .cumodel = 1, .priv = k };
    pthread_mutex_init(&k->lock, NULL);
    pthread_cond_init(&k->cv, NULL);
    k->tail = &k->head;
    return &k->dev;
}

bool device_is_console(const struct device *d)
{
    return d && d->ops == &console_ops;
}

void console_set_sink(struct device *d, console_sink_fn *fn, void *ctx)
{
    struct console *k = con(d);
    pthread_mutex_lock(&k->lock);
    k->sink = fn;
    k->sink_ctx = ctx;
    pthread_mutex_unlock(&k->lock);
}

void console_input(struct device *d, const char *line, size_t len)
{
    struct console *k = con(d);
    struct input_line *l = malloc(sizeof *l + len);
    if (!l)
        return;
    l->next = NULL;
    l->len = len;
    memcpy(l->text, line, len);
    pthread_mutex_lock(&k->lock);
    *k->tail = l;
    k->tail = &l->next;
    pthread_cond_broadcast(&k->cv);
    pthread_mutex_unlock(&k->lock);
}

void console_input_end(struct device *d)
{
    struct console *k = con(d);
    latch_set(&k->lock, &k->cv, &k->input_ended, true);
}
