# file: start/start.c
# why: preinit_array and init_array run in the wrong order
/^	run_array(__preinit_array_start, __preinit_array_end, argc, argv, envp);$/s/__preinit_array_/__init_array_/g
t
/^	run_array(__init_array_start, __init_array_end, argc, argv, envp);$/s/__init_array_/__preinit_array_/g
