/* A flag that a device's blocking command waits for (halted, input ended). */
#ifndef VM390_DEVICES_LATCH_H
#define VM390_DEVICES_LATCH_H

#include <pthread.h>
#include <stdbool.h>

/* Set *flag to value under lock and wake every waiter on cv. */
static inline void latch_set(pthread_mutex_t *lock, pthread_cond_t *cv, bool *flag, bool value)
{
    pthread_mutex_lock(lock);
    *flag = value;
    pthread_cond_broadcast(cv);
    pthread_mutex_unlock(lock);
}

#endif
