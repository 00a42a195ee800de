/* SPDX-License-Identifier: MIT */
/* The classification macros and constants the tests use, all compiler
   builtins that never become library calls. Real libm functions (logb,
   scalbn, fmax, ...) are deliberately absent: tests needing them are skipped
   by the driver, not linked against a stand-in. */
#ifndef SHIM_MATH_H
#define SHIM_MATH_H
#define INFINITY  __builtin_inff()
#define NAN       __builtin_nanf("")
#define HUGE_VAL  __builtin_huge_val()
#define HUGE_VALF __builtin_huge_valf()
#define HUGE_VALL __builtin_huge_vall()
#define FP_NAN       0
#define FP_INFINITE  1
#define FP_ZERO      2
#define FP_SUBNORMAL 3
#define FP_NORMAL    4
#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isnan(x)    __builtin_isnan(x)
#define isinf(x)    __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)
#define isnormal(x) __builtin_isnormal(x)
#define signbit(x)  __builtin_signbit(x)
static inline double fabs(double x) { return __builtin_fabs(x); }
static inline float fabsf(float x) { return __builtin_fabsf(x); }
static inline long double fabsl(long double x) { return __builtin_fabsl(x); }
static inline double copysign(double x, double y) { return __builtin_copysign(x, y); }
static inline float copysignf(float x, float y) { return __builtin_copysignf(x, y); }
static inline long double copysignl(long double x, long double y) { return __builtin_copysignl(x, y); }
#endif
