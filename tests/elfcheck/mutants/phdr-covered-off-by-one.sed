# file: tools/redox-elfcheck/check.c
# why: program headers that end one byte past a PT_LOAD count as loaded
/sz <= ph\[i\]\.p_filesz - (lo - ph\[i\]\.p_offset);/s/sz <= /sz <= 1 + /
