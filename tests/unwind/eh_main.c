/* SPDX-License-Identifier: MIT */
/* main of the -fexceptions program (eh_frames.c). tests/unwind/part.mk
   renames this object's personality from __gcc_personality_v0 to
   eh_personality (llvm-objcopy --redefine-sym), so main's frame is judged by
   eh_personality.c's routine, which claims CATCH exceptions for the landing
   pad below. */
#include "eh.h"

enum eh_mode eh_mode;
void *volatile eh_catch_pad;
struct _Unwind_Exception *volatile eh_caught;
static volatile int eh_pad_index = 1;

/* glibc's struct dl_phdr_info, as far as the "phdr" mode reads it
   (unwind/llvm/include/redox_phdr.h has the same layout). */
struct eh_phdr_info {
	uintptr_t dlpi_addr;
	const char *dlpi_name;
	const void *dlpi_phdr;
	uint16_t dlpi_phnum;
	unsigned long long dlpi_adds;
};
/* Weak: the same objects are also linked with the unwind stubs
   (tests/unwind/links.sh), which have no dl_iterate_phdr. */
int dl_iterate_phdr(int (*cb)(struct eh_phdr_info *, size_t, void *), void *data)
	__attribute__((weak));

/* "phdr": what dl_iterate_phdr (unwind/llvm/phdr.c) reports of each object,
   for tests/unwind/eh.sh to compare with llvm-readelf's view of the file. */
static int phdr_cb(struct eh_phdr_info *i, size_t size, void *data)
{
	++*(unsigned *)data;
	out("phdr size=");
	out_dec(size);
	out(" phnum=");
	out_dec(i->dlpi_phnum);
	out(" phdr=");
	out_hex((uintptr_t)i->dlpi_phdr);
	out(" bias=");
	out_hex(i->dlpi_addr);
	out(" name='");
	out(i->dlpi_name ? i->dlpi_name : "(null)");
	out("' adds=");
	out_dec((unsigned long)i->dlpi_adds);
	out("\n");
	return 0;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int main(int argc, char **argv)
{
	int c __attribute__((cleanup(eh_cleanup))) = 0;
	const char *m = argc > 1 ? argv[1] : "";
	if (streq(m, "bt"))
		eh_mode = EH_BT;
	else if (streq(m, "raise"))
		eh_mode = EH_RAISE;
	else if (streq(m, "forced"))
		eh_mode = EH_FORCED;
	else if (streq(m, "catch"))
		eh_mode = EH_CATCH;
	else if (streq(m, "resume"))
		eh_mode = EH_RESUME;
	else if (streq(m, "phdr")) {
		unsigned n = 0;
		if (!dl_iterate_phdr) {
			out("no dl_iterate_phdr\n");
			return 1;
		}
		dl_iterate_phdr(phdr_cb, &n);
		out("objects=");
		out_dec(n);
		out("\n");
		return 0;
	} else {
		out("usage: eh bt|raise|forced|catch|resume|phdr\n");
		return 2;
	}
	/* The landing pad: the code after "caught", entered with main's
	   callee-saved registers and stack as they were at the call to f1,
	   which is how an unwinder resumes a frame. The indirect goto right
	   after the call keeps the label reachable from that very state; with
	   two possible targets the compiler cannot fold the label's address
	   into a direct jump. */
	static void *const pads[2] = {&&caught, &&not_caught};
	eh_catch_pad = pads[0];
	int r = f1(argc + c);
	if (eh_mode == EH_CATCH)
		goto *pads[eh_pad_index];
	out("main: f1 returned ");
	out_dec((unsigned long)r);
	out("\n");
	return 0;
not_caught:
	out("main: f1 returned although the exception was to be caught\n");
	return 1;
caught:
	out("main: caught ");
	out(eh_caught && eh_caught->exception_class == EH_CLASS_CATCH ? "REDXCATC" : "something else");
	out(", continuing\n");
	_Unwind_DeleteException(eh_caught);
	return 0;
}
