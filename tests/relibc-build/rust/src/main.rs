// SPDX-License-Identifier: MIT
// A Rust program with everything a Rust std program brings besides std itself:
// its own core, alloc and compiler_builtins, the allocator shim (__rust_alloc
// and friends, from #[global_allocator]), a panic handler (rust_begin_unwind)
// and a strong rust_eh_personality. relibc's libc.a holds its own copies of
// all of these; tests/relibc-build/run.sh links this program against it
// without -z muldefs (and, as a negative control, against the unrenamed
// archive, where the linker must report duplicates).
#![no_std]
#![no_main]

extern crate alloc;

use alloc::string::String;
use alloc::vec::Vec;
use core::alloc::{GlobalAlloc, Layout};
use core::ffi::{c_char, c_int, c_void, CStr};
use core::fmt::Write;

#[link(name = "c")]
extern "C" {
    fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> c_int;
    fn free(p: *mut c_void);
    fn write(fd: c_int, buf: *const c_void, len: usize) -> isize;
    fn abort() -> !;
}

// relibc's malloc behind Rust's allocator interface, as std's System does.
struct Relibc;
unsafe impl GlobalAlloc for Relibc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let mut p = core::ptr::null_mut();
        let align = layout.align().max(core::mem::size_of::<usize>());
        if posix_memalign(&mut p, align, layout.size()) != 0 {
            return core::ptr::null_mut();
        }
        p.cast()
    }
    unsafe fn dealloc(&self, p: *mut u8, _layout: Layout) {
        free(p.cast())
    }
}

#[global_allocator]
static ALLOC: Relibc = Relibc;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    unsafe { abort() }
}

// std defines this one strongly; relibc's is weak.
#[no_mangle]
pub extern "C" fn rust_eh_personality() {}

#[no_mangle]
pub extern "C" fn main(argc: c_int, argv: *const *const c_char) -> c_int {
    let mut args: Vec<String> = Vec::new();
    for i in 0..argc as usize {
        let arg = unsafe { CStr::from_ptr(*argv.add(i)) };
        args.push(String::from(arg.to_str().unwrap_or("?")));
    }
    let mut line = String::new();
    let sum: u64 = (1..=100u64).sum();
    let _ = writeln!(line, "relibc-rust: argc={} last={} sum={}", argc, args.last().map_or("", |s| s.as_str()), sum);
    unsafe { write(1, line.as_ptr().cast(), line.len()) };
    42
}
