# file: tools/redox-run/syscall.c
# why: a TimeSpec with tv_nsec = 1e9 is accepted
/nsec >= 1000000000)$/s/nsec >= /nsec > /
