/* SPDX-License-Identifier: MIT */
#include <redox/proc.h>
#include <redox/syscall.h>

long redox_proc_call(unsigned long proc_fd, void *payload, unsigned long len,
	unsigned long flags, const uint64_t *meta, unsigned long nmeta)
{
	/* The metadata length shares e's low byte with nothing else; letting
	   either spill into the other would send the kernel a different call. */
	if (nmeta > REDOX_CALL_METADATA_LEN_MASK || (flags & REDOX_CALL_METADATA_LEN_MASK))
		return -REDOX_EINVAL;
	return redox_call(proc_fd, payload, len, nmeta | flags, meta);
}

/* The failure path runs at most once, on a broken system: small beats
   fast, so it writes piece by piece instead of formatting a buffer. */
__attribute__((noinline)) static void say(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	redox_write(2, s, n);
}

/* Digits of v in base 10 or 16, written backwards from end. */
__attribute__((noinline)) static char *digits(char *end, unsigned long v, unsigned base)
{
	*end = 0;
	do
		*--end = "0123456789abcdef"[v % base];
	while ((v /= base) != 0);
	return end;
}

__attribute__((cold, noinline, noreturn)) static void exit_failed(unsigned long proc_fd, long r)
{
	char buf[24];
	const char *name = r < 0 ? redox_errno_name((int)-r) : 0;

	say("redox-crt: ProcCall::Exit on fd 0x");
	say(digits(buf + sizeof buf - 1, proc_fd, 16));
	say(" returned ");
	if (!name) {
		char *d = digits(buf + sizeof buf - 1, r < 0 ? 0UL - (unsigned long)r : (unsigned long)r, 10);
		if (r < 0)
			*--d = '-';
		name = d;
	}
	say(name);
	say("; aborting\n");
	__builtin_trap();
}

_Noreturn void redox_proc_exit(unsigned long proc_fd, int status)
{
	const uint64_t meta[2] = { REDOX_PROC_EXIT, (uint64_t)(status & 0xff) };
	long r;

	/* A successful Exit never returns: the process manager terminates every
	   thread, this one included. EINTR and EAGAIN are retried as relibc RH
	   does (redox-abi.md §5). */
	do
		r = redox_proc_call(proc_fd, 0, 0, 0, meta, 2);
	while (r == -REDOX_EINTR || r == -REDOX_EAGAIN);
	exit_failed(proc_fd, r);
}
