# file: tools/redox-run/sched.c
# why: WAKE takes waiters in wait order, not the kernel's swap_remove(0) order
/^			last->wseq = first->wseq;$/d
