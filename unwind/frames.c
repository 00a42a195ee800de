/* SPDX-License-Identifier: MIT */
/* The FDE registry of libgcc, reduced to no-ops: nothing here reads FDEs,
   so registered tables have no user. crtbegin.o and JITs call these;
   deregistering returns NULL, "no object was registered for this table".
   Prototypes follow libgcc's unwind-dw2-fde.h (the object is opaque). */
#include "unwind-internal.h"

void __register_frame(const void *begin)
{
	(void)begin;
}

void __register_frame_info(const void *begin, void *ob)
{
	(void)begin, (void)ob;
}

void __register_frame_info_bases(const void *begin, void *ob, void *tbase,
	void *dbase)
{
	(void)begin, (void)ob, (void)tbase, (void)dbase;
}

void __register_frame_table(const void *begin)
{
	(void)begin;
}

void __register_frame_info_table(const void *begin, void *ob)
{
	(void)begin, (void)ob;
}

void __register_frame_info_table_bases(const void *begin, void *ob,
	void *tbase, void *dbase)
{
	(void)begin, (void)ob, (void)tbase, (void)dbase;
}

void __deregister_frame(const void *begin)
{
	(void)begin;
}

void *__deregister_frame_info(const void *begin)
{
	(void)begin;
	return NULL;
}

void *__deregister_frame_info_bases(const void *begin)
{
	(void)begin;
	return NULL;
}

/* No FDE is ever found; bases is left untouched, as libgcc does on a miss. */
const void *_Unwind_Find_FDE(const void *pc, struct dwarf_eh_bases *bases)
{
	(void)pc, (void)bases;
	return NULL;
}
