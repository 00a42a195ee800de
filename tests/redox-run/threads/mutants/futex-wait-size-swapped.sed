# file: tools/redox-run/sched.c
# why: WAIT and WAIT64 word sizes swapped (a 4-aligned 32-bit word is EINVAL)
/unsigned sz = a\[1\] == 3 ? 8 : 4;/s/? 8 : 4/? 4 : 8/
