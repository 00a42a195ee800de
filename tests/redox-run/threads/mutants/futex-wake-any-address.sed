# file: tools/redox-run/sched.c
# why: WAKE wakes waiters of every address, not only the one named
/t->wait != RR_W_FUTEX || t->waddr != a\[0\])$/s/ || t->waddr != a\[0\]//
