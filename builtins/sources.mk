# SPDX-License-Identifier: MIT
# Which compiler-rt builtins sources (paths under compiler-rt/lib/builtins of
# LLVM 19.1) go into libclang_rt.builtins-<arch>.a. The sets follow
# compiler-rt's own CMakeLists.txt for a Linux-like ELF target.

BI_GENERIC := \
	absvdi2.c absvsi2.c absvti2.c adddf3.c addsf3.c addvdi3.c addvsi3.c \
	addvti3.c apple_versioning.c ashldi3.c ashlti3.c ashrdi3.c ashrti3.c \
	bswapdi2.c bswapsi2.c clzdi2.c clzsi2.c clzti2.c cmpdi2.c cmpti2.c \
	comparedf2.c comparesf2.c ctzdi2.c ctzsi2.c ctzti2.c divdc3.c divdf3.c \
	divdi3.c divmoddi4.c divmodsi4.c divmodti4.c divsc3.c divsf3.c divsi3.c \
	divti3.c extendsfdf2.c extendhfsf2.c ffsdi2.c ffssi2.c ffsti2.c fixdfdi.c \
	fixdfsi.c fixdfti.c fixsfdi.c fixsfsi.c fixsfti.c fixunsdfdi.c fixunsdfsi.c \
	fixunsdfti.c fixunssfdi.c fixunssfsi.c fixunssfti.c floatdidf.c floatdisf.c \
	floatsidf.c floatsisf.c floattidf.c floattisf.c floatundidf.c floatundisf.c \
	floatunsidf.c floatunsisf.c floatuntidf.c floatuntisf.c fp_mode.c \
	int_util.c lshrdi3.c lshrti3.c moddi3.c modsi3.c modti3.c muldc3.c \
	muldf3.c muldi3.c mulodi4.c mulosi4.c muloti4.c mulsc3.c mulsf3.c multi3.c \
	mulvdi3.c mulvsi3.c mulvti3.c negdf2.c negdi2.c negsf2.c negti2.c \
	negvdi2.c negvsi2.c negvti2.c os_version_check.c paritydi2.c paritysi2.c \
	parityti2.c popcountdi2.c popcountsi2.c popcountti2.c powidf2.c powisf2.c \
	subdf3.c subsf3.c subvdi3.c subvsi3.c subvti3.c trampoline_setup.c \
	truncdfhf2.c truncdfsf2.c truncsfhf2.c ucmpdi2.c ucmpti2.c udivdi3.c \
	udivmoddi4.c udivmodsi4.c udivmodti4.c udivsi3.c udivti3.c umoddi3.c \
	umodsi3.c umodti3.c
# Generic sources that need nothing from an OS but which CMake adds only
# under conditions that hold for Redox (C11 atomics; clang's own unwind.h;
# not Fuchsia). gcc_personality_v0 refers to _Unwind_* (the unwind part's).
BI_GENERIC += atomic.c gcc_personality_v0.c clear_cache.c
# __bf16 conversions (clang 19 has __bf16 on both targets).
BI_GENERIC += extendbfsf2.c truncdfbf2.c truncsfbf2.c

# binary128 (__float128 on x86_64, long double on aarch64).
BI_TF := \
	addtf3.c comparetf2.c divtc3.c divtf3.c extenddftf2.c extendhftf2.c \
	extendsftf2.c fixtfdi.c fixtfsi.c fixtfti.c fixunstfdi.c fixunstfsi.c \
	fixunstfti.c floatditf.c floatsitf.c floattitf.c floatunditf.c \
	floatunsitf.c floatuntitf.c multc3.c multf3.c powitf2.c subtf3.c \
	trunctfdf2.c trunctfhf2.c trunctfsf2.c

# x87 80-bit long double: x86_64 only.
BI_X87 := \
	divxc3.c extendxftf2.c fixxfdi.c fixxfti.c fixunsxfdi.c fixunsxfsi.c \
	fixunsxfti.c floatdixf.c floattixf.c floatundixf.c floatuntixf.c \
	mulxc3.c powixf2.c trunctfxf2.c

# Arch sources replace the generic file of the same base name.
BI_ARCH.x86_64 := cpu_model/x86.c i386/fp_mode.c \
	x86_64/floatdidf.c x86_64/floatdisf.c x86_64/floatdixf.c
BI_ARCH.aarch64 := aarch64/fp_mode.c

BI_EXTRA.x86_64 := $(BI_TF) $(BI_X87)
BI_EXTRA.aarch64 := $(BI_TF)

# Left out, one reason each:
#  emutls.c               needs pthread keys and malloc (libc); Redox TLS is native
#  enable_execute_stack.c needs mprotect/sysconf from libc
#  eprintf.c              needs stdio (only old Apple assert used it)
#  cpu_model/aarch64.c    reads AT_HWCAP via getauxval; Redox passes no AT_HWCAP
#                         (redox-abi.md §1): builtins/aarch64/have_lse_atomics.c
#                         supplies __aarch64_have_lse_atomics instead
#  aarch64/sme-*.{c,S}    SME ABI routines detect SME through AT_HWCAP too
#  aarch64/chkstk.S, x86_64/chkstk.S  Windows stack probing only
#  x86_64/floatundi{df,sf,xf}.S  get endbr64 and the IBT/SHSTK property note
#                         only from a Linux <cet.h>; one such object would turn
#                         CET off for the whole program, so the generic C
#                         versions are used instead
#  atomic_flag_*.c, atomic_*_fence.c  Apple-only (clang inlines them elsewhere)

# $(call bi_sources,ARCH): the C/asm sources for ARCH, arch files first.
bi_sources = $(BI_ARCH.$(1)) \
	$(filter-out $(addsuffix .c,$(basename $(notdir $(BI_ARCH.$(1))))), \
		$(BI_GENERIC) $(BI_EXTRA.$(1)))

# aarch64 outline atomics: lse.S assembled once per (op, size, model);
# cas has a 16-byte variant, the others stop at 8 (as in compiler-rt).
BI_LSE_MODELS := 1 2 3 4 5
BI_LSE := $(foreach m,$(BI_LSE_MODELS),$(foreach s,1 2 4 8 16,cas_$(s)_$(m)) \
	$(foreach op,swp ldadd ldclr ldeor ldset,$(foreach s,1 2 4 8,$(op)_$(s)_$(m))))
