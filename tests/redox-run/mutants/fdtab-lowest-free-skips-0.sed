# file: tools/redox-run/fdtab.c
# why: the lowest free slot search starts at 1 (fd 0 is never reused)
/^	for (size_t i = 0; i < t->len\[0\]; i++)$/s/i = 0/i = 1/
