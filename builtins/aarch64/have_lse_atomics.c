// SPDX-License-Identifier: MIT
// compiler-rt's lse.S reads this byte (ldrb) to choose LSE instructions over
// LL/SC. Linux sets it from AT_HWCAP in a constructor; Redox passes no
// AT_HWCAP (redox-abi.md §1) and reading ID_AA64ISAR0_EL1 from EL0 would
// depend on the kernel trapping and emulating it, so stay on the LL/SC paths,
// which every ARMv8.0 core runs.
__attribute__((visibility("hidden"))) _Bool __aarch64_have_lse_atomics = 0;
