# file: tools/redox-run/sched.c
# why: a futex WAIT whose deadline passed (other threads alive) returns 0, not ETIMEDOUT
/rr_sched_wake(rr, t, t->wait == RR_W_FUTEX ? ERR(ETIMEDOUT) : 0);/s/t->wait == RR_W_FUTEX ? ERR(ETIMEDOUT) : 0/0/
