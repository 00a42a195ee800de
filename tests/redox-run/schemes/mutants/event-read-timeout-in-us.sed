# file: tools/redox-run/event.c
# why: a queue's read timeout taken as microseconds instead of milliseconds
/dl = ms > (UINT64_MAX - 1 - now) \/ 1000000u ? UINT64_MAX - 1 : now + ms \* 1000000u;/s/now + ms \* 1000000u/now + ms * 1000u/
