# file: syscalls/proc.c
# why: ProcCall::Exit sends the status without & 0xff
/REDOX_PROC_EXIT, (uint64_t)(status & 0xff) };$/s/(status & 0xff)/status/
