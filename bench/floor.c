// SPDX-License-Identifier: MIT
/* The bare-engine floor of a redox-run start-up (issue 17): open a Unicorn
   engine for ARCH (x86_64 or aarch64), map one page, run two nops, close.
   Everything redox-run does beyond this is its own cost. */
#include <stdio.h>
#include <string.h>
#include <unicorn/unicorn.h>

int main(int argc, char **argv)
{
	static const unsigned char x86_nops[] = { 0x90, 0x90 };
	static const unsigned char a64_nops[] = { 0x1f, 0x20, 0x03, 0xd5, 0x1f, 0x20, 0x03, 0xd5 };
	int a64 = argc > 1 && !strcmp(argv[1], "aarch64");
	const unsigned char *code = a64 ? a64_nops : x86_nops;
	size_t len = a64 ? sizeof a64_nops : sizeof x86_nops;
	uc_engine *uc;

	if (argc != 2 || (!a64 && strcmp(argv[1], "x86_64"))) {
		fprintf(stderr, "usage: floor x86_64|aarch64\n");
		return 2;
	}
	if (uc_open(a64 ? UC_ARCH_ARM64 : UC_ARCH_X86, a64 ? UC_MODE_ARM : UC_MODE_64, &uc) ||
	    uc_mem_map(uc, 0x10000, 0x1000, UC_PROT_READ | UC_PROT_EXEC) ||
	    uc_mem_write(uc, 0x10000, code, len) || uc_emu_start(uc, 0x10000, 0x10000 + len, 0, 0)) {
		fprintf(stderr, "floor: unicorn failed\n");
		return 1;
	}
	uc_close(uc);
	return 0;
}
