/* SPDX-License-Identifier: MIT */
/* relibc's getauxval, as relibc dadb4375 has it (src/header/sys_auxv/
   mod.rs): 0 for every key. Part of the relibc stand-in of
   tests/unwind/links.sh, so dl_iterate_phdr must do without the auxv. */
unsigned long getauxval(unsigned long key)
{
	(void)key;
	return 0;
}
