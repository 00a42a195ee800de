# file: start/exit.c
# why: atexit handlers run after fini_array and _fini instead of before
/^void exit(int status)$/,/^}$/{
/^	__cxa_finalize(0);$/d
s/^	_Exit(status);$/	__cxa_finalize(0);\n	_Exit(status);/
}
