// SPDX-License-Identifier: MIT
// Talks to the kernel only through libredox_syscall's C functions, the way
// Cranelift-compiled code must (no inline asm), and is started by redox-crt's
// crt0 + libredox_start calling the C-ABI `main`.
#![no_std]
#![no_main]

use core::ffi::{c_char, c_int};

// redox-abi.md §4, redox_syscall 0.6.0.
const SYS_WRITE: usize = 0x2100_0004;

extern "C" {
    fn redox_syscall3(n: usize, a1: usize, a2: usize, a3: usize) -> usize;
}

fn write(fd: usize, bytes: &[u8]) -> bool {
    let r = unsafe { redox_syscall3(SYS_WRITE, fd, bytes.as_ptr() as usize, bytes.len()) };
    r == bytes.len()
}

fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

#[no_mangle]
pub extern "C" fn main(argc: c_int, argv: *const *const c_char, _envp: *const *const c_char) -> c_int {
    let mut ok = write(1, b"hello from rust via redox_syscall3, argc=");
    let mut digits = [0u8; 20];
    ok &= write(1, decimal(argc as usize, &mut digits));
    ok &= write(1, b"\n");
    // argv[argc] is the NULL that ends argv (redox-abi.md §1).
    let terminated = unsafe { (*argv.add(argc as usize)).is_null() };
    if !ok || !terminated {
        return 1;
    }
    42
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    write(2, b"hello-syscall: panic\n");
    loop {}
}
