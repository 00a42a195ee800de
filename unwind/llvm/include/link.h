/* SPDX-License-Identifier: MIT */
/* The ELF types and dl_iterate_phdr libunwind's phdr mode uses (glibc's
   <link.h>/<elf.h> layout: System V gABI, "Program Header"). */
#ifndef REDOX_UNWIND_SHIM_LINK_H
#define REDOX_UNWIND_SHIM_LINK_H
#include "redox_phdr.h"
#endif
