# file: tools/redox-elfcheck/check.c
# why: an entry point just past the end of a PT_LOAD counts as inside it
/a - ph\[i\]\.p_vaddr < ph\[i\]\.p_memsz)/s/ < ph\[i\]\.p_memsz/ <= ph[i].p_memsz/
