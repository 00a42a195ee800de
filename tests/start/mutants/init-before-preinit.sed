# file: start/start.c
# why: preinit_array and init_array run in the wrong order
/bounds\[4\] = { __preinit_array_start, __preinit_array_end,$/s/__preinit_array_/__init_array_/g
t
/^[	 ]*__init_array_start, __init_array_end };$/s/__init_array_/__preinit_array_/g
