# file: tools/redox-run/thread.c
# why: the limit counts every thread ever created, so threads that ended never free their places
/if (rr_threads_live(rr) >= RR_MAX_THREADS)/s/rr_threads_live(rr)/rr->thr_created/
