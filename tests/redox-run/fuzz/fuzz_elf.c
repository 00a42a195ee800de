// SPDX-License-Identifier: MIT
// libFuzzer target: redox-run's ELF loader on arbitrary bytes. Besides the
// sanitizers, it checks the loader's promises about what it accepts.
#include <stdlib.h>
#include <string.h>

#include "../../../tools/redox-run/elf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A heap copy of exactly `size` bytes so ASan sees any overread. */
	uint8_t *buf = malloc(size ? size : 1);
	static struct rr_image img;
	char err[256];
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (rr_elf_parse(buf, size, &img, err, sizeof err) == 0) {
		uint64_t prev = 0, off;
		for (unsigned i = 0; i < img.nregion; i++) {
			const struct rr_region *r = &img.region[i];
			if (r->start < prev || r->start >= r->end || r->end > RR_STACK_BASE ||
			    (r->start | r->end) & (RR_PAGE - 1) || r->start < RR_PAGE)
				abort();
			prev = r->end;
		}
		for (unsigned i = 0; i < img.nseg; i++)
			if (img.seg[i].filesz > img.seg[i].memsz ||
			    img.seg[i].offset + img.seg[i].filesz > size)
				abort();
		rr_elf_symbolize(buf, &img, img.entry, &off);
		rr_elf_lookup(buf, &img, "main");
		/* The ABI note: found means a NUL-terminated printable name that
		   fits the buffer; a problem means a message. */
		char abi[16];
		int k = rr_elf_abi_note(buf, size, &img, abi, sizeof abi, err, sizeof err);
		if (k == 0 && (!memchr(abi, 0, sizeof abi) || !abi[0]))
			abort();
		if (k > 0 && (!memchr(err, 0, sizeof err) || !err[0]))
			abort();
	} else if (!memchr(err, 0, sizeof err) || !err[0]) {
		abort();
	}
	free(buf);
	return 0;
}
