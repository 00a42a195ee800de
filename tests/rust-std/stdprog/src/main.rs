// stdprog: one Rust std program, one mode per run (tests/rust-std/run.sh).
// Its output is compared with the same program built for the host.
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn usage() -> ! {
    eprintln!("usage: stdprog hello|args|env|cwd|fs|time|collections|thread|exit CODE|panic MSG|backtrace");
    std::process::exit(2)
}

fn args_mode(args: &[String]) {
    println!("argc={}", args.len());
    for (i, a) in args.iter().enumerate().skip(1) {
        println!("arg[{i}]={a:?} len={}", a.len());
    }
}

fn env_mode() {
    // Only STDPROG_* so the host and the guest print the same.
    let mut mine: Vec<(String, String)> =
        std::env::vars().filter(|(k, _)| k.starts_with("STDPROG_")).collect();
    mine.sort();
    for (k, v) in &mine {
        println!("{k}={v}");
    }
    println!("var STDPROG_A: {:?}", std::env::var("STDPROG_A"));
    println!("var STDPROG_UNSET: {:?}", std::env::var("STDPROG_UNSET"));
    std::env::set_var("STDPROG_SET_AT_RUN", "set by set_var");
    println!("after set_var: {:?}", std::env::var("STDPROG_SET_AT_RUN"));
    std::env::remove_var("STDPROG_A");
    println!("after remove_var: {:?}", std::env::var_os("STDPROG_A"));
}

fn cwd_mode() {
    match std::env::current_dir() {
        Ok(p) => println!("cwd={}", p.display()),
        Err(e) => println!("cwd error: {e}"),
    }
    match std::fs::read_to_string("here.txt") {
        Ok(s) => print!("here.txt: {s}"),
        Err(e) => println!("here.txt: {:?}", e.kind()),
    }
}

fn thread_mode() {
    use std::sync::{mpsc, Arc, Mutex};
    let total = Arc::new(Mutex::new(0u64));
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for t in 0..4u64 {
        let total = Arc::clone(&total);
        let tx = tx.clone();
        let b = std::thread::Builder::new().name(format!("worker{t}"));
        match b.spawn(move || {
            let s: u64 = (t * 1000..(t + 1) * 1000).sum();
            *total.lock().unwrap() += s;
            tx.send((t, s, std::thread::current().name().map(str::to_owned))).unwrap();
            s
        }) {
            Ok(h) => handles.push(h),
            Err(e) => {
                println!("spawn failed: {:?}", e.kind());
                std::process::exit(3);
            }
        }
    }
    drop(tx);
    let mut got: Vec<_> = rx.iter().collect();
    got.sort();
    for (t, s, name) in got {
        println!("thread {t}: sum {s} name {name:?}");
    }
    let joined: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("joined sum {joined}, shared total {}", total.lock().unwrap());
}

fn fs_mode() -> std::io::Result<()> {
    use std::fs;
    let d = std::path::Path::new("fsdir");
    fs::create_dir(d)?;
    fs::create_dir(d.join("sub"))?;
    let mut f = fs::File::create(d.join("a.txt"))?;
    for i in 0..100 {
        writeln!(f, "line {i} of a.txt")?;
    }
    f.sync_all()?;
    drop(f);
    fs::write(d.join("b.bin"), (0u8..=255).collect::<Vec<u8>>())?;
    fs::write(d.join("sub/c.txt"), "in sub\n")?;
    let mut s = String::new();
    fs::File::open(d.join("a.txt"))?.read_to_string(&mut s)?;
    println!("a.txt: {} bytes, {} lines, last {:?}", s.len(), s.lines().count(), s.lines().last());
    let b = fs::read(d.join("b.bin"))?;
    println!("b.bin: {} bytes, sum {}", b.len(), b.iter().map(|&x| x as u32).sum::<u32>());
    let mut o = fs::OpenOptions::new().append(true).open(d.join("sub/c.txt"))?;
    o.write_all(b"appended\n")?;
    drop(o);
    println!("sub/c.txt: {:?}", fs::read_to_string(d.join("sub/c.txt"))?);
    let md = fs::metadata(d.join("b.bin"))?;
    println!("b.bin metadata: len {} file {} dir {}", md.len(), md.is_file(), md.is_dir());
    fs::rename(d.join("b.bin"), d.join("renamed.bin"))?;
    let mut names: Vec<String> = fs::read_dir(d)?
        .map(|e| {
            let e = e.unwrap();
            let t = e.file_type().unwrap();
            format!("{}{}", e.file_name().to_string_lossy(), if t.is_dir() { "/" } else { "" })
        })
        .collect();
    names.sort();
    println!("read_dir fsdir: {names:?}");
    println!("open missing: {:?}", fs::File::open(d.join("missing")).map(|_| ()).map_err(|e| e.kind()));
    println!("create_dir existing: {:?}", fs::create_dir(d).map_err(|e| e.kind()));
    fs::remove_file(d.join("renamed.bin"))?;
    fs::remove_file(d.join("sub/c.txt"))?;
    fs::remove_dir(d.join("sub"))?;
    println!("exists after remove: renamed.bin {} sub {}", d.join("renamed.bin").exists(), d.join("sub").exists());
    // Left behind on purpose, for the caller to check on the host side.
    fs::write("kept.txt", "written by stdprog\n")?;
    let mut left: Vec<String> = fs::read_dir(d)?.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    println!("left in fsdir: {left:?}");
    Ok(())
}

fn time_mode() {
    let t0 = Instant::now();
    std::thread::sleep(Duration::from_millis(30));
    let dt = t0.elapsed();
    println!("sleep 30ms: elapsed >= 30ms: {}, < 5s: {}", dt >= Duration::from_millis(30), dt < Duration::from_secs(5));
    let t1 = Instant::now();
    println!("instants monotonic: {}", t1 >= t0 + Duration::from_millis(30));
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock before 1970");
    // 2024-01-01T00:00:00Z and 2100-01-01T00:00:00Z.
    println!("system time after 2024: {}, before 2100: {}", now.as_secs() >= 1_704_067_200, now.as_secs() < 4_102_444_800);
    let d = Duration::from_millis(90_061_001);
    println!("duration {:?} = {}s + {}ns", d, d.as_secs(), d.subsec_nanos());
}

fn collections_mode() {
    let text = "the quick brown fox jumps over the lazy dog the end";
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in text.split_whitespace() {
        *counts.entry(w).or_default() += 1;
    }
    let sorted: BTreeMap<_, _> = counts.iter().map(|(k, v)| (*k, *v)).collect();
    println!("counts: {sorted:?}");
    let set: HashSet<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let letters: BTreeSet<char> = set.into_iter().collect();
    println!("letters: {} {}", letters.len(), letters.iter().collect::<String>());
    let mut dq: VecDeque<i32> = (1..=5).collect();
    dq.rotate_left(2);
    dq.push_front(0);
    println!("deque: {dq:?}");
    let mut v: Vec<u64> = (1..=20).map(|i| (i * 7919) % 101).collect();
    v.sort_unstable();
    v.dedup();
    println!("vec: {v:?} sum {}", v.iter().sum::<u64>());
    let mut s = String::new();
    write!(s, "{:>8}|{:<8}|{:^8}|", "r", "l", "c").unwrap();
    write!(s, "{:08.3}|{:+}|{:#x}|{:#o}|{:#b}|{:e}", 3.14159f64, 42, 255, 8, 5, 1234.5f64).unwrap();
    println!("fmt: {s}");
    println!("float: {} {} {} {:?}", 0.1f64 + 0.2, 1.0f64 / 3.0, f32::MAX, f64::NAN);
    println!("ints: {} {} {}", i64::MIN, u64::MAX, i128::MAX);
    #[derive(Debug)]
    #[allow(dead_code)]
    struct P { name: String, tags: Vec<&'static str>, n: Option<u8> }
    println!("{:#?}", P { name: "p".into(), tags: vec!["a", "b"], n: Some(7) });
    let boxed: Box<dyn Fn(i32) -> i32> = Box::new(|x| x * 3);
    println!("closure: {}", boxed(14));
}

#[inline(never)]
fn level3(n: u32) -> u32 {
    if n > 2 {
        panic!("backtrace test: n={n}");
    }
    n
}
#[inline(never)]
fn level2(n: u32) -> u32 {
    std::hint::black_box(level3(std::hint::black_box(n + 1))) + 1
}
#[inline(never)]
fn level1(n: u32) -> u32 {
    std::hint::black_box(level2(std::hint::black_box(n + 1))) + 1
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("hello") => {
            println!("Hello from Rust std on Redox!");
            std::io::stdout().flush().unwrap();
            eprintln!("to stderr");
        }
        Some("args") => args_mode(&args),
        Some("env") => env_mode(),
        Some("fs") => {
            if let Err(e) = fs_mode() {
                eprintln!("fs: {e}");
                std::process::exit(1);
            }
        }
        Some("cwd") => cwd_mode(),
        Some("thread") => thread_mode(),
        Some("time") => time_mode(),
        Some("collections") => collections_mode(),
        Some("exit") => {
            let code: i32 = args.get(2).and_then(|c| c.parse().ok()).unwrap_or_else(|| usage());
            println!("exiting with {code}");
            std::process::exit(code)
        }
        Some("panic") => {
            let msg = args.get(2).cloned().unwrap_or_default();
            panic!("stdprog panic: {msg}");
        }
        Some("backtrace") => {
            println!("{}", level1(std::hint::black_box(1)));
        }
        _ => usage(),
    }
}

// Unit tests for `cargo test` through the runner (tests/rust-std/run.sh
// compares their report with the host's).
#[cfg(test)]
mod tests {
    #[test]
    fn formats_and_collects() {
        let v: Vec<String> = (1..=3).map(|i| format!("{i:>3}|{:.2}", i as f64 / 3.0)).collect();
        assert_eq!(v, ["  1|0.33", "  2|0.67", "  3|1.00"]);
        let m: std::collections::BTreeMap<_, _> = [("b", 2), ("a", 1)].into_iter().collect();
        assert_eq!(format!("{m:?}"), r#"{"a": 1, "b": 2}"#);
    }

    #[test]
    fn file_round_trip() {
        let name = "unit-test-file.txt";
        std::fs::write(name, b"from a unit test\n").unwrap();
        assert_eq!(std::fs::read_to_string(name).unwrap(), "from a unit test\n");
        std::fs::remove_file(name).unwrap();
        assert!(!std::path::Path::new(name).exists());
    }

    #[test]
    fn sees_the_environment() {
        assert_eq!(std::env::var("STDPROG_TEST_VAR").as_deref(), Ok("from cargo test"));
    }

    #[test]
    #[should_panic(expected = "index out of bounds")]
    fn catches_a_panic() {
        let v: Vec<u8> = Vec::new();
        let _ = v[std::hint::black_box(1)];
    }

    #[test]
    fn reports_its_thread() {
        println!("test thread: {:?}", std::thread::current().name());
    }

    #[test]
    #[ignore = "planted failure: run with --include-ignored"]
    fn planted_failure() {
        assert_eq!(2 + 2, 5, "planted failure");
    }
}
