// SPDX-License-Identifier: MIT
#include "stack.h"

#include <stdlib.h>
#include <string.h>

size_t rr_strings_size(const struct rr_stack_in *in)
{
	size_t n = in->cwd ? strlen(in->cwd) + 1 : 0;
	for (int i = 0; i < in->envc; i++)
		n += strlen(in->envp[i]) + 1;
	for (int i = 0; i < in->argc; i++)
		n += strlen(in->argv[i]) + 1;
	return n;
}

static int dropped(const struct rr_stack_in *in, uint64_t key)
{
	for (unsigned i = 0; i < in->ndrop; i++)
		if (in->drop[i] == key)
			return 1;
	return 0;
}

static void push_aux(const struct rr_stack_in *in, struct rr_stack_out *out,
		     uint64_t *aux, size_t *na, uint64_t key, uint64_t val)
{
	if (key != 0 && dropped(in, key))
		return;
	aux[(*na)++] = key;
	aux[(*na)++] = val;
	out->auxv_keys[out->nauxv++] = key;
}

static uint64_t put_string(struct rr_stack_out *out, size_t *off, uint64_t base, const char *s)
{
	size_t l = strlen(s);
	memcpy(out->strings + *off, s, l);   /* the NUL comes from the zeroed buffer */
	uint64_t addr = base + *off;
	*off += l + 1;
	return addr;
}

int rr_stack_build(const struct rr_stack_in *in, uint64_t strings_base,
		   uint64_t stack_top, uint64_t stack_size, struct rr_stack_out *out)
{
	memset(out, 0, sizeof *out);
	out->strings_len = rr_strings_size(in);
	out->strings = calloc(1, out->strings_len ? out->strings_len : 1);
	uint64_t *argp = calloc((size_t)in->argc + 1, sizeof *argp);
	uint64_t *envp = calloc((size_t)in->envc + 1, sizeof *envp);
	if (!out->strings || !argp || !envp)
		goto oom;

	/* Same order as redox-rt fexec_impl: cwd, env reversed, args reversed. */
	size_t off = 0;
	uint64_t cwd_ptr = 0, cwd_len = 0;
	if (in->cwd) {
		cwd_len = strlen(in->cwd);
		cwd_ptr = put_string(out, &off, strings_base, in->cwd);
	}
	for (int i = in->envc - 1; i >= 0; i--)
		envp[i] = put_string(out, &off, strings_base, in->envp[i]);
	for (int i = in->argc - 1; i >= 0; i--)
		argp[i] = put_string(out, &off, strings_base, in->argv[i]);

	uint64_t aux[64];
	size_t na = 0;
	if (in->abi == RR_ABI_2026_08) {
		/* RH always pushes these three; usize::MAX means "no such fd". */
		push_aux(in, out, aux, &na, AT_REDOX_FILETABLE_FD, RR_FTBL_FD);
		push_aux(in, out, aux, &na, AT_REDOX_CWD_FD, in->cwd ? RR_CWD_FD : UINT64_MAX);
		push_aux(in, out, aux, &na, AT_REDOX_NS_FD, RR_NS_FD);
	}
	push_aux(in, out, aux, &na, AT_REDOX_PROC_FD, RR_PROC_FD);
	push_aux(in, out, aux, &na, AT_REDOX_THR_FD, RR_THR_FD);
	push_aux(in, out, aux, &na, AT_REDOX_UMASK, in->umask);
	push_aux(in, out, aux, &na, AT_REDOX_INHERITED_SIGPROCMASK, 0);
	push_aux(in, out, aux, &na, AT_REDOX_INHERITED_SIGIGNMASK, 0);
	if (in->cwd) {
		push_aux(in, out, aux, &na, AT_REDOX_INITIAL_CWD_LEN, cwd_len);
		push_aux(in, out, aux, &na, AT_REDOX_INITIAL_CWD_PTR, cwd_ptr);
	}
	push_aux(in, out, aux, &na, 4 /* AT_PHENT */, in->phent);
	push_aux(in, out, aux, &na, 5 /* AT_PHNUM */, in->phnum);
	push_aux(in, out, aux, &na, 3 /* AT_PHDR */, in->at_phdr);
	push_aux(in, out, aux, &na, 9 /* AT_ENTRY */, in->entry);
	push_aux(in, out, aux, &na, 0 /* AT_NULL */, 0);

	size_t nw = 1 + (size_t)in->argc + 1 + (size_t)in->envc + 1 + na;
	if (nw > stack_size / 8 / 2)   /* leave the program at least half the stack */
		goto toobig;
	out->words = calloc(nw, sizeof *out->words);
	if (!out->words)
		goto oom;
	size_t w = 0;
	out->words[w++] = (uint64_t)in->argc;
	for (int i = 0; i < in->argc; i++)
		out->words[w++] = argp[i];
	out->words[w++] = 0;
	for (int i = 0; i < in->envc; i++)
		out->words[w++] = envp[i];
	out->words[w++] = 0;
	memcpy(out->words + w, aux, na * sizeof *aux);
	out->nwords = nw;
	/* No realignment: sp is 16-aligned only when the word count is even. */
	out->sp = stack_top - 8 * nw;
	free(argp);
	free(envp);
	return 0;
toobig:
oom:
	free(argp);
	free(envp);
	rr_stack_free(out);
	return -1;
}

void rr_stack_free(struct rr_stack_out *out)
{
	free(out->strings);
	free(out->words);
	out->strings = NULL;
	out->words = NULL;
}
