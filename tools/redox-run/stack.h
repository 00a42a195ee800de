/* SPDX-License-Identifier: MIT */
#ifndef RR_STACK_H
#define RR_STACK_H
#include <stddef.h>
#include <stdint.h>

/* Which relibc's exec we imitate (redox-abi.md §1): R0 = relibc a97216aa
 * (2026-01), RH = relibc 63599227 (2026-08). */
enum rr_abi { RR_ABI_2026_01, RR_ABI_2026_08 };

#define AT_REDOX_INITIAL_CWD_PTR 32
#define AT_REDOX_INITIAL_CWD_LEN 33
#define AT_REDOX_INHERITED_SIGIGNMASK 34
#define AT_REDOX_INHERITED_SIGPROCMASK 36
#define AT_REDOX_UMASK 40
#define AT_REDOX_PROC_FD 41
#define AT_REDOX_THR_FD 42
#define AT_REDOX_NS_FD 43
#define AT_REDOX_CWD_FD 44
#define AT_REDOX_FILETABLE_FD 45

/* Upper file-table fds carry bit 62 (UPPER_FDTBL_TAG, redox-abi.md §1).
 * Distinct upper slots, so relibc's to_upper() makes no syscall
 * (relibc-runtime.md §1 S2/S3/S8); upper slot 0 stays free for relibc. */
#ifndef RR_UPPER_TAG
#define RR_UPPER_TAG (1ull << 62)
#endif
#define RR_PROC_FD   (RR_UPPER_TAG | 1)
#define RR_THR_FD    (RR_UPPER_TAG | 2)
#define RR_FTBL_FD   (RR_UPPER_TAG | 3)
#define RR_NS_FD     (RR_UPPER_TAG | 4)
#define RR_CWD_FD    (RR_UPPER_TAG | 5)
#define RR_MAX_DROP  32

struct rr_stack_in {
	enum rr_abi abi;
	int argc, envc;
	char *const *argv, *const *envp;
	const char *cwd;               /* NULL: no CWD_PTR/CWD_LEN pair */
	uint64_t at_phdr, phent, phnum, entry;
	uint64_t umask;
	unsigned ndrop;
	uint64_t drop[RR_MAX_DROP];    /* auxv keys left out (--drop-auxv) */
};

struct rr_stack_out {
	uint8_t *strings;              /* contents of the string mapping */
	size_t strings_len;
	uint64_t *words;               /* stack contents from sp up to STACK_TOP */
	size_t nwords;
	uint64_t sp;
	uint64_t auxv_keys[32];        /* order as pushed, for tests and --strace */
	size_t nauxv;
};

/* Bytes the string mapping needs (before page rounding). */
size_t rr_strings_size(const struct rr_stack_in *in);
/* Lay out strings (at guest address strings_base) and the initial stack
 * ending at stack_top. Returns 0, or -1 if it does not fit in stack_size. */
int rr_stack_build(const struct rr_stack_in *in, uint64_t strings_base,
		   uint64_t stack_top, uint64_t stack_size, struct rr_stack_out *out);
void rr_stack_free(struct rr_stack_out *out);
#endif
