# README "Rust std programs with cargo": cargo run printed the template's
# greeting from redox-run, cargo test ran and passed the planted unit test.
expect_grep "$LBL: cargo run prints the greeting" '^Hello, world!$' .stdout
expect_grep "$LBL: cargo test passes the unit test" '^test result: ok\. 1 passed; 0 failed; 0 ignored' .stdout
# check-readme gives the block check-rust-std's target dir (build/rust-std/target
# of the tree whose sysroot $SR is); a plain run would use hello-redox/target.
t=hello-redox/target
[ -d "$SR/../rust-std/target" ] && t=$SR/../rust-std/target
b=$t/x86_64-unknown-redox-clif/debug/hello-redox
elf_is "hello-redox" "$b" X86-64
runs_in_redox "hello-redox runs in redox-run" 0 'Hello, world!' --abi=2026-08 "$b"
