# file: tools/redox-run/sched.c
# why: the round robin starts at the current thread, so a preempted thread runs again
/for (size_t k = 1; k <= rr->nthr \&\& !next; k++) {/s/k = 1; k <= rr->nthr/k = 0; k < rr->nthr/
