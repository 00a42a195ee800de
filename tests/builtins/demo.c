// SPDX-License-Identifier: MIT
// A program whose arithmetic the compiler hands to the builtins: 128-bit
// integer division and conversions, binary128 long double (aarch64), x87 long
// double <-> __int128 (x86_64), outline atomics (aarch64 -moutline-atomics)
// and the generic __atomic_* library calls, plus a __cxa_atexit handler keyed
// on crtbegin.o's __dso_handle. The expected output is this same file built
// for the host by the host's compiler and libgcc (binary128 via __float128
// with -DDEMO_HOST_QUAD), so no result is written down by hand.
#include <stdio.h>
#include <stdint.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

#if defined(__aarch64__)
typedef long double quad; // binary128 in AAPCS64
#define HAVE_QUAD 1
#elif defined(DEMO_HOST_QUAD)
typedef __float128 quad;
#define HAVE_QUAD 1
#endif

static void hex128(const char *what, u128 v)
{
	printf("%s %016llx%016llx\n", what, (unsigned long long)(v >> 64),
	       (unsigned long long)v);
}

// Keep the compiler from folding: every input goes through memory.
static volatile u128 va = ((u128)0x0123456789abcdefULL << 64) | 0xfedcba9876543210ULL;
static volatile u128 vb = 0x1d2c3b4a59687ULL;
static volatile i128 vn = -((i128)0x7654321 << 70);
static volatile double vd = 1.0e30;

static void ints(void)
{
	u128 a = va, b = vb;
	i128 n = vn;
	hex128("udiv", a / b);
	hex128("umod", a % b);
	hex128("sdiv", (u128)(n / (i128)b));
	hex128("smod", (u128)(n % (i128)b));
	hex128("mul", a * b);
	double d = (double)a;
	printf("u128->double %016llx\n", (unsigned long long)*(volatile uint64_t *)&d);
	hex128("double->u128", (u128)vd);
	hex128("double->i128", (u128)(i128)-vd);
}

#ifdef HAVE_QUAD
static void bits_quad(const char *what, quad q)
{
	u128 v;
	__builtin_memcpy(&v, &q, sizeof v);
	hex128(what, v);
}

static volatile double qx = 3.0, qy = 7.0;

static void quads(void)
{
	quad x = qx, y = qy;
	bits_quad("q add", x + y);
	bits_quad("q sub", x - y);
	bits_quad("q mul", x * y);
	bits_quad("q div", x / y);
	bits_quad("q from u128", (quad)va);
	hex128("q to i128", (u128)(i128)(-(x / y) * (quad)1.0e25));
	double back = (double)(x / y);
	printf("q to double %016llx\n", (unsigned long long)*(volatile uint64_t *)&back);
	printf("q less %d\n", (int)(x / y < y / x));
}
#endif

#if defined(__x86_64__) && !defined(DEMO_HOST_QUAD)
static void x87(void)
{
	long double l = (long double)va;
	unsigned char b[16] = {0};
	__builtin_memcpy(b, &l, 10);
	u128 v;
	__builtin_memcpy(&v, b, sizeof v);
	hex128("xf from u128", v);
	hex128("xf to u128", (u128)(l * 3.0L));
	hex128("xf to i128", (u128)(i128)(-l / 5.0L));
}
#endif

static void atomics(void)
{
	static unsigned char c8 = 0xf0;
	static unsigned short c16 = 0x1234;
	static unsigned int c32 = 100;
	static unsigned long long c64 = 1ULL << 40;
	unsigned o8 = __atomic_fetch_and(&c8, 0x3c, __ATOMIC_ACQ_REL);
	unsigned o16 = __atomic_fetch_xor(&c16, 0xffff, __ATOMIC_RELEASE);
	unsigned o32 = __atomic_fetch_add(&c32, 23, __ATOMIC_SEQ_CST);
	unsigned long long o64 = __atomic_exchange_n(&c64, 42, __ATOMIC_ACQUIRE);
	unsigned expected = 123;
	int swapped = __atomic_compare_exchange_n(&c32, &expected, 7, 0,
						  __ATOMIC_SEQ_CST, __ATOMIC_RELAXED);
	unsigned long long o64b = __atomic_fetch_or(&c64, 0x100, __ATOMIC_RELAXED);
	printf("atomics %x %x %x %x %u %d %llx %llx %x %x\n", o8, (unsigned)c8, o16,
	       (unsigned)c16, o32, swapped, o64, o64b, (unsigned)c32,
	       (unsigned)(c64 & 0xffff));

	// 16 bytes: __aarch64_cas16_* on aarch64; without cmpxchg16b the x86_64
	// compiler calls compiler-rt's lock-based __atomic_compare_exchange.
	static u128 wide;
	u128 want = 0, next = ((u128)0xabcULL << 64) | 0xdefULL;
	int ok1 = __atomic_compare_exchange_n(&wide, &want, next, 0,
					      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
	int ok2 = __atomic_compare_exchange_n(&wide, &want, 0, 0,
					      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
	printf("cas16 %d %d\n", ok1, ok2);
	hex128("cas16 now", __atomic_load_n(&wide, __ATOMIC_SEQ_CST));
}

extern void *__dso_handle;
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
static void on_exit_handler(void *arg)
{
	printf("dso handler ran: %s\n", (const char *)arg);
}

int main(void)
{
	ints();
#ifdef HAVE_QUAD
	quads();
#endif
#if defined(__x86_64__) && !defined(DEMO_HOST_QUAD)
	x87();
#endif
	atomics();
	__cxa_atexit(on_exit_handler, "once", &__dso_handle);
	return 0;
}
