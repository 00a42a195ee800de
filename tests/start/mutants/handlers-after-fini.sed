# file: start/exit.c
# why: atexit handlers run after fini_array and _fini instead of before
/^void exit(int status)$/,/^}$/{
/^	while (n_handlers > 0) {$/,/^	}$/d
s/^	_Exit(status);$/	while (n_handlers > 0) {\n		struct handler h = handlers[--n_handlers];\n		if (h.fn)\n			h.fn(h.arg);\n	}\n	_Exit(status);/
}
