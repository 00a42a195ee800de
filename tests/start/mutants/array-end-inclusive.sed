# file: start/start.c
# why: init arrays walked one entry past their end
/^		for (const init_fn \*p = b\[0\]; p < b\[1\]; p++)$/s/p < b\[1\]/p <= b[1]/
