# file: unwind/llvm/fprintf.c
# why: a negative number loses its '-'
/number(&o, &sp, mag, 10, 0, "-", v < 0);/s/v < 0)/0)/
