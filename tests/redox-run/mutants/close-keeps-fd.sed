# file: tools/redox-run/fdtab.c
# why: close finds the file but leaves it in its slot
/^	t->slot\[w\]\[i\] = NULL;$/s/.*/	(void)0;/
