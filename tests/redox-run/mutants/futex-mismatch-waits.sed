# file: tools/redox-run/sched.c
# why: futex WAIT on a changed value blocks instead of EAGAIN
/^			return ERR(EAGAIN);$/s/EAGAIN/ETIMEDOUT/
