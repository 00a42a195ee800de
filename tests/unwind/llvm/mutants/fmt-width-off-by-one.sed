# file: unwind/llvm/fprintf.c
# why: the field is padded to one column less than its width
/int fill = sp->width - (int)(plen + blen);/s/(int)(plen + blen)/(int)(plen + blen) - 1/
