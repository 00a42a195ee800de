# file: unwind/llvm/phdr.c
# why: the bias is taken from the first PT_LOAD not at file offset 0
/p->p_type == PT_LOAD && p->p_offset == 0/s/p->p_offset == 0/p->p_offset != 0/
