# file: start/start.c
# why: envp starts one word early (argc instead of argc + 1)
/^	char \*\*envp = argv + argc + 1;$/s/ + 1;/;/
