/* SPDX-License-Identifier: MIT */
/* The typed wrappers against redox-run's kernel: write, read, fmap,
   mprotect, funmap, clock_gettime, nanosleep, and error results. Prints one
   "<name> ok" line per check (run.sh compares) and exits with the number of
   failures. */
#include "util.h"

int main(void)
{
	int bad = 0;
	long r;

	r = redox_write(1, "hello from redox_write\n", 23);
	bad |= sct_report("write", r == 23, r);

	char in[16] = { 0 };
	r = redox_read(0, in, sizeof in);
	bad |= sct_report("read", r == 5 && in[0] == 'p' && in[4] == '\n', r);

	struct redox_map m = { 0, 8192, REDOX_PROT_READ | REDOX_PROT_WRITE | REDOX_MAP_PRIVATE, 0 };
	r = redox_fmap(REDOX_FMAP_ANONYMOUS, &m, sizeof m);
	int mapped = r > 0 && (r & 4095) == 0;
	bad |= sct_report("fmap", mapped, r);
	if (mapped) {
		volatile unsigned char *p = (volatile unsigned char *)r;
		p[0] = 0x5a;
		p[8191] = 0xa5;
		bad |= sct_report("fmap-rw", p[0] == 0x5a && p[8191] == 0xa5 && p[100] == 0, 0);
		r = redox_mprotect((void *)p, 4096, REDOX_PROT_READ);
		bad |= sct_report("mprotect", r == 0 && p[0] == 0x5a, r);
		r = redox_funmap((void *)p, 8192);
		bad |= sct_report("funmap", r == 0, r);
	}

	struct redox_timespec t0, t1, rt;
	long r0 = redox_clock_gettime(REDOX_CLOCK_MONOTONIC, &t0);
	struct redox_timespec req = { 0, 2000000 }, rem = { 7, 7 };
	r = redox_nanosleep(&req, &rem);
	bad |= sct_report("nanosleep", r == 0 && rem.tv_sec == 0 && rem.tv_nsec == 0, r);
	long r1 = redox_clock_gettime(REDOX_CLOCK_MONOTONIC, &t1);
	long elapsed = (long)(t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
	bad |= sct_report("clock-monotonic", r0 == 0 && r1 == 0 && t0.tv_nsec >= 0 &&
			  t0.tv_nsec < 1000000000 && elapsed >= 2000000, elapsed);
	r = redox_clock_gettime(REDOX_CLOCK_REALTIME, &rt);
	/* after 2020-01-01 */
	bad |= sct_report("clock-realtime", r == 0 && rt.tv_sec > 1577836800, rt.tv_sec);

	r = redox_close(60);
	bad |= sct_report("close-ebadf", r == -REDOX_EBADF, r);
	r = redox_clock_gettime(0, &rt);
	bad |= sct_report("clock-einval", r == -REDOX_EINVAL, r);
	bad |= sct_report("strerror", redox_strerror(-(int)r)[0] == 'I', 0);
	return bad;
}
