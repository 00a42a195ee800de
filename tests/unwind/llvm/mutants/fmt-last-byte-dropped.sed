# file: unwind/llvm/fprintf.c
# why: the final partial buffer is written only when it holds more than one byte
/^	if (o\.n)$/s/o\.n/o.n > 1/
