# file: unwind/llvm/phdr.c
# why: the load bias is the header's address plus p_vaddr instead of minus
/info\.dlpi_addr = base - p->p_vaddr;/s/base - p->p_vaddr/base + p->p_vaddr/
