# file: tools/redox-run/sched.c
# why: nanosleep's relative time used as an absolute deadline when other threads live
/t->deadline_ns = ns > UINT64_MAX - 1 - now ? UINT64_MAX - 1 : now + ns;/s/: now + ns;/: ns;/
