# file: tools/redox-run/stack.c
# why: AT_REDOX_PROC_FD and AT_REDOX_THR_FD pushed in the wrong order
/^	push_aux(in, out, aux, &na, AT_REDOX_PROC_FD, RR_PROC_FD);$/{N;s/\(.*\)\n\(.*\)/\2\n\1/;}
