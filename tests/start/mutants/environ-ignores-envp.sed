# file: start/start.c
# why: environ is left NULL when nothing set it
/^	environ = envp;$/s/envp/0/
