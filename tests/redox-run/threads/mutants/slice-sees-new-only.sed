# file: tools/redox-run/sched.c
# why: the time slice counts created-not-started threads as ready instead of runnable ones
/^		if (t->state == RR_T_RUN)$/s/RR_T_RUN/RR_T_NEW/
