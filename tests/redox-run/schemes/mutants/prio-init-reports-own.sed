# file: tools/redox-run/call.c
# why: GetProcPriority of init answers this process's priority
/return !known ? ERR(ESRCH) : pid == RR_PID ? rr->prio : RR_PRIO_DEFAULT;/s/RR_PRIO_DEFAULT/rr->prio/
