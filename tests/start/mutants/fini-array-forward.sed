# file: start/exit.c
# why: fini_array run first to last instead of backward
/^	for (const fini_fn \*p = __fini_array_end; p > __fini_array_start;) {$/{N;s/.*\n.*/	for (const fini_fn *p = __fini_array_start; p < __fini_array_end;) {\n		fini_fn f = *p++;/;}
