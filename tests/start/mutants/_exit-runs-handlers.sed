# file: start/exit.c
# why: _exit runs the atexit handlers (calls exit)
/^void _exit(int status)$/,/^}$/s/_Exit(status);/exit(status);/
