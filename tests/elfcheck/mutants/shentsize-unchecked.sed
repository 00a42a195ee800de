# file: tools/redox-elfcheck/check.c
# why: a section header entry size larger than Elf64_Shdr is accepted
/^	if (c->eh\.e_shentsize != sizeof(Elf64_Shdr)) {$/s/!= sizeof/< sizeof/
