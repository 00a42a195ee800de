/* SPDX-License-Identifier: MIT */
#ifndef SHIM_COMPLEX_H
#define SHIM_COMPLEX_H
#define complex _Complex
#define _Complex_I (__extension__ 1.0iF)
#define I _Complex_I
#define creal(z)  __builtin_creal(z)
#define cimag(z)  __builtin_cimag(z)
#define crealf(z) __builtin_crealf(z)
#define cimagf(z) __builtin_cimagf(z)
#define creall(z) __builtin_creall(z)
#define cimagl(z) __builtin_cimagl(z)
#endif
