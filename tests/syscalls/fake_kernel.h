/* SPDX-License-Identifier: MIT */
/* A recording stand-in for the raw calls, so host tests see exactly what
   each wrapper hands the kernel. */
#ifndef FAKE_KERNEL_H
#define FAKE_KERNEL_H

#define FAKE_MAX_CALLS 64
#define FAKE_MAX_SCRIPT 16

struct fake_call {
	int nargs;		/* which redox_syscallN was used */
	unsigned long n;
	unsigned long a[6];
	unsigned long meta[4];	/* SYS_CALL: first metadata words, copied at call time */
};

extern struct fake_call fake_calls[FAKE_MAX_CALLS];
extern int fake_ncalls;
/* Non-zero: SYS_CALL copies its metadata words into fake_call.meta. */
extern int fake_copy_meta;
/* Non-zero: SYS_WRITE really writes (a1, a2, a3) on the host too. */
extern int fake_passthrough_write;
/* Called after a call is recorded, before it returns; may longjmp. */
extern void (*fake_hook)(const struct fake_call *c);

void fake_reset(void);
/* Return values for the next calls, in order; once used up, calls return 0. */
void fake_script(const unsigned long *rets, int count);

#endif
