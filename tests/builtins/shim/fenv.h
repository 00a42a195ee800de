/* SPDX-License-Identifier: MIT */
/* Rounding-mode control, done directly on the FP control registers (shim.c). */
#ifndef SHIM_FENV_H
#define SHIM_FENV_H
#if defined(__x86_64__)
#define FE_TONEAREST  0x000
#define FE_DOWNWARD   0x400
#define FE_UPWARD     0x800
#define FE_TOWARDZERO 0xc00
#elif defined(__aarch64__)
#define FE_TONEAREST  0x000000
#define FE_UPWARD     0x400000
#define FE_DOWNWARD   0x800000
#define FE_TOWARDZERO 0xc00000
#endif
int fegetround(void);
int fesetround(int mode);
#endif
