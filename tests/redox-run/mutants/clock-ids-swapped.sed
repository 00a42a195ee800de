# file: tools/redox-run/syscall.c
# why: CLOCK_REALTIME (1) and CLOCK_MONOTONIC (4) swapped
/clock_gettime(a\[0\] == 1 ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);/s/a\[0\] == 1/a[0] == 4/
