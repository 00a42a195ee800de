# file: tools/redox-run/stack.c
# why: AT_REDOX_INITIAL_CWD_LEN counts the NUL
/^		cwd_len = strlen(in->cwd);$/s/strlen(in->cwd)/strlen(in->cwd) + 1/
