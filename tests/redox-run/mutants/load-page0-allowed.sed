# file: tools/common/redox-load.c
# why: a PT_LOAD in page 0 is accepted
/if (p->p_vaddr < RR_PAGE || p->p_vaddr > RR_STACK_BASE/s/p->p_vaddr < RR_PAGE || //
