// SPDX-License-Identifier: MIT
// main -> bt_level1 -> bt_level2 -> bt_level3 panics; the panic handler
// prints its message and one "frame ip=0x..." line per frame that
// _Unwind_Backtrace reports, then "backtrace rc=N frames=N", and exits 101.
// tests/unwind/rust.sh resolves the addresses with the ELF symbol table.
#![no_std]
#![no_main]

use core::ffi::{c_char, c_int, c_void};
use core::fmt::Write;

#[repr(C)]
struct UnwindContext {
    _opaque: [u8; 0],
}
type TraceFn = extern "C" fn(*mut UnwindContext, *mut c_void) -> c_int;

extern "C" {
    fn _Unwind_Backtrace(trace: TraceFn, arg: *mut c_void) -> c_int;
    fn _Unwind_GetIP(ctx: *mut UnwindContext) -> usize;
    fn redox_write(fd: usize, buf: *const u8, len: usize) -> isize;
    fn exit(status: c_int) -> !;
}

struct Out;
impl Write for Out {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        unsafe { redox_write(1, s.as_ptr(), s.len()) };
        Ok(())
    }
}

extern "C" fn trace(ctx: *mut UnwindContext, arg: *mut c_void) -> c_int {
    let n = unsafe { &mut *(arg as *mut usize) };
    *n += 1;
    let _ = writeln!(Out, "frame ip={:#018x}", unsafe { _Unwind_GetIP(ctx) });
    0 // _URC_NO_REASON
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let _ = writeln!(Out, "panic: {}", info.message());
    let mut frames = 0usize;
    let rc = unsafe { _Unwind_Backtrace(trace, &mut frames as *mut usize as *mut c_void) };
    let _ = writeln!(Out, "backtrace rc={} frames={}", rc, frames);
    unsafe { exit(101) }
}

// Each level does work after its call, so none is a tail call.
#[no_mangle]
#[inline(never)]
pub extern "C" fn bt_level3(n: usize) -> usize {
    if n > 2 {
        panic!("level 3 reached with n={}", n);
    }
    n
}

#[no_mangle]
#[inline(never)]
pub extern "C" fn bt_level2(n: usize) -> usize {
    bt_level3(core::hint::black_box(n + 1)) * 3
}

#[no_mangle]
#[inline(never)]
pub extern "C" fn bt_level1(n: usize) -> usize {
    bt_level2(core::hint::black_box(n + 1)) + 7
}

#[no_mangle]
pub extern "C" fn main(argc: c_int, _argv: *const *const c_char, _envp: *const *const c_char) -> c_int {
    bt_level1(core::hint::black_box(argc as usize)) as c_int
}
