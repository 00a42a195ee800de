/* SPDX-License-Identifier: MIT */
/* Calls to the process manager and thread fds through SYS_CALL
   (redox-abi.md §5; ProcCall numbers from redox-rt protocol.rs @R0). */
#ifndef REDOX_PROC_H
#define REDOX_PROC_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ProcCall: metadata[0] of a SYS_CALL on the proc fd (AT_REDOX_PROC_FD). */
#define REDOX_PROC_WAITPID              0
#define REDOX_PROC_SETRENS              1
#define REDOX_PROC_EXIT                 2
#define REDOX_PROC_WAITPGID             3
#define REDOX_PROC_SET_RESUGID          4
#define REDOX_PROC_SETPGID              5
#define REDOX_PROC_GETSID               6
#define REDOX_PROC_SETSID               7
#define REDOX_PROC_KILL                 8
#define REDOX_PROC_SIGQ                 9
#define REDOX_PROC_SYNC_SIG_PCTL        10
#define REDOX_PROC_SIGDEQ               11
#define REDOX_PROC_GETPPID              12
#define REDOX_PROC_RENAME               13
#define REDOX_PROC_DISABLE_SETPGID      14
#define REDOX_PROC_GET_PROC_CREDENTIALS 15

/* ThreadCall: metadata[0] of a SYS_CALL on a thread fd. */
#define REDOX_THREAD_SYNC_SIG_TCTL 0
#define REDOX_THREAD_SIGNAL_THREAD 1

/* Linux-style wait statuses, as redox-rt decodes them. */
#define REDOX_WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define REDOX_WTERMSIG(s)    ((s) & 0x7f)
#define REDOX_WSTOPSIG(s)    REDOX_WEXITSTATUS(s)
#define REDOX_WIFEXITED(s)   (REDOX_WTERMSIG(s) == 0)
#define REDOX_WIFSTOPPED(s)  (((s) & 0xff) == 0x7f)
#define REDOX_WIFSIGNALED(s) (!REDOX_WIFEXITED(s) && !REDOX_WIFSTOPPED(s))

/* SYS_CALL(proc_fd, payload, len, nmeta | flags, meta): nmeta (at most 255)
   u64 metadata words, flags from REDOX_CALL_*. Returns >= 0 or -errno. */
long redox_proc_call(unsigned long proc_fd, void *payload, unsigned long len,
	unsigned long flags, const uint64_t *meta, unsigned long nmeta);

/* ProcCall::Exit with status & 0xff. Retries while the call fails with
   EINTR or EAGAIN; if it returns any other way, writes a message to fd 2 and
   traps. */
_Noreturn void redox_proc_exit(unsigned long proc_fd, int status);

#ifdef __cplusplus
}
#endif

#endif
