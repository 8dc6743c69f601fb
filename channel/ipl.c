/* Initial program loading (SA22-7201 chapter 17, "Initial Program Loading"). */
#include "subchannel.h"

#include <stdio.h>
#include <string.h>

#include "ccw.h"
#include "cpu/interrupt.h"
#include "devices/ebcdic.h"

/* The implied first CCW: READ IPL into absolute 0, 24 bytes, command
   chaining and suppressed incorrect length (format 0). */
static const uint8_t ipl_ccw[8] = { 0x02, 0x00, 0x00, 0x00,
                                    CCW_FLAG_CC | CCW_FLAG_SLI, 0x00, 0x00, 24 };

/* Nothing can halt the IPL program: an endless one (a TIC loop on a
   damaged volume) is given up after this many CCWs. */
#define IPL_MAX_CCWS 1000000u

static void set_loadparm(struct machine *m, const char *loadparm)
{
    char text[8];
    memset(text, ' ', sizeof text);
    for (size_t i = 0; loadparm && loadparm[i] && i < sizeof text; i++)
        text[i] = loadparm[i] >= 'a' && loadparm[i] <= 'z' ? (char)(loadparm[i] - 32) : loadparm[i];
    text_to_ebcdic(text, sizeof text, m->loadparm, sizeof m->loadparm);
}

/* The resets that precede the load (lock not held). */
static void ipl_reset(struct css *css, struct cpu *c, bool clear)
{
    struct machine *m = css->m;
    if (clear) {
        machine_clear_reset(m);
        return;
    }
    css_reset(css);
    for (int i = 0; i < m->ncpu; i++)
        if (m->cpu[i] != c)
            cpu_reset(m->cpu[i]);
    cpu_initial_reset(c);
}

bool css_ipl(struct css *css, struct cpu *c, uint16_t devnum, const char *loadparm, bool clear,
             char *err, size_t errlen)
{
    pthread_mutex_lock(&css->lock);
    struct subchannel *s = css_find_devnum(css, devnum);
    pthread_mutex_unlock(&css->lock);
    if (!s) {
        snprintf(err, errlen, "no device %04X to IPL from", devnum);
        return false;
    }
    ipl_reset(css, c, clear);
    set_loadparm(css->m, loadparm);

    /* The IPL program runs here, synchronously: the machine is not
       running and nothing else uses the subchannel. */
    struct ccw_program p = { .ms = css->m->ms, .dev = s->dev, .ccw_addr = 0,
                             .first_ccw = ipl_ccw, .max_ccws = IPL_MAX_CCWS };
    struct ccw_status st;
    const struct device_ops *ops = s->dev->ops;
    if (ops->chain_begin)
        ops->chain_begin(s->dev);
    ccw_execute(&p, &st);
    if (ops->chain_end)
        ops->chain_end(s->dev);
    if (st.end == CCW_ABORTED) {
        snprintf(err, errlen, "IPL from %04X failed: the IPL channel program did not end "
                 "within %u CCWs", devnum, IPL_MAX_CCWS);
        return false;
    }
    if (st.end != CCW_ENDED || st.sstat || st.dstat != (US_CE | US_DE)) {
        snprintf(err, errlen, "IPL from %04X failed: device status %02X, subchannel status %02X, "
                 "CCW address %08X", devnum, st.dstat, st.sstat, st.ccw_addr);
        return false;
    }
    uint8_t *mem = css->m->ms->mem;
    put_be32(mem + LC_IO_SSID, sch_ssid(s));
    put_be32(mem + LC_IO_PARAM, 0);
    storage_mark_change(css->m->ms, 0);
    cpu_load_psw(c, mem);
    return true;
}
