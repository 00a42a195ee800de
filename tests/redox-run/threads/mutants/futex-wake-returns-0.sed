# file: tools/redox-run/sched.c
# why: WAKE returns 0 instead of the number of waiters woken
/^		return woken;$/s/woken/0/
