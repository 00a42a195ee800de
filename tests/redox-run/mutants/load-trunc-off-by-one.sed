# file: tools/common/redox-load.c
# why: a PT_LOAD that ends one byte past the file is accepted
/if (p->p_offset > len || p->p_filesz > len - p->p_offset)$/s/p->p_filesz > len - p->p_offset/p->p_filesz > len - p->p_offset + 1/
