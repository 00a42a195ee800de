// SPDX-License-Identifier: MIT
// `alloc` on Redox without relibc: a bump allocator over one anonymous fmap
// region obtained from libredox_syscall's redox_fmap.
#![no_std]
#![no_main]

extern crate alloc;

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int};
use core::fmt::Write;

// struct redox_map / syscall::Map, redox-abi.md §4.
#[repr(C)]
struct RedoxMap {
    offset: usize,
    size: usize,
    flags: usize,
    address: usize,
}
const PROT_READ: usize = 0x40000;
const PROT_WRITE: usize = 0x20000;
const MAP_PRIVATE: usize = 2;
const ARENA: usize = 1 << 20;

extern "C" {
    fn redox_fmap(fd: usize, map: *const RedoxMap, size: usize) -> isize;
    fn redox_write(fd: usize, buf: *const u8, len: usize) -> isize;
}

struct Bump {
    next: UnsafeCell<usize>,
    end: UnsafeCell<usize>,
}
// One thread only: nothing here starts another.
unsafe impl Sync for Bump {}

unsafe impl GlobalAlloc for Bump {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if *self.next.get() == 0 {
            let map = RedoxMap { offset: 0, size: ARENA, flags: PROT_READ | PROT_WRITE | MAP_PRIVATE, address: 0 };
            // fd !0 asks for anonymous memory.
            let addr = redox_fmap(!0, &map, core::mem::size_of::<RedoxMap>());
            if addr <= 0 {
                return core::ptr::null_mut();
            }
            *self.next.get() = addr as usize;
            *self.end.get() = addr as usize + ARENA;
        }
        let start = (*self.next.get() + layout.align() - 1) & !(layout.align() - 1);
        match start.checked_add(layout.size()) {
            Some(end) if end <= *self.end.get() => {
                *self.next.get() = end;
                start as *mut u8
            }
            _ => core::ptr::null_mut(),
        }
    }
    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
}

#[global_allocator]
static HEAP: Bump = Bump { next: UnsafeCell::new(0), end: UnsafeCell::new(0) };

fn out(s: &str) {
    unsafe { redox_write(1, s.as_ptr(), s.len()) };
}

#[no_mangle]
pub extern "C" fn main(_argc: c_int, _argv: *const *const c_char, _envp: *const *const c_char) -> c_int {
    let v: Vec<u64> = (1..=1000).collect();
    let sum: u64 = v.iter().sum();
    let boxed = Box::new(sum * 2);
    let mut s = String::new();
    let _ = write!(s, "alloc-fmap: sum={} boxed={} len={}\n", sum, boxed, v.len());
    out(&s);
    if sum != 500500 || *boxed != 1001000 {
        return 1;
    }
    7
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    let mut s = String::new();
    let _ = write!(s, "alloc-fmap: {}\n", info);
    out(&s);
    loop {}
}
