# Debian packages. The build needs BUILD_PKGS; `make check` also TEST_PKGS.
# Parts add to these lists in their part.mk only if a package is theirs alone;
# the common set lives here so one apt-get line covers everything.
# rustc-web, rust-web-src and cargo-web are build packages: make generates the
# Rust target specs with the rustc it chooses (toolchain/pick-rustc.sh), and
# it must be there before the first make, or a rustup rustc on PATH would be
# chosen and `make check` would install rustc-web afterwards.
BUILD_PKGS := clang-19 lld-19 llvm-19 gcc libc6-dev pkgconf check libunicorn-dev libelf-dev \
	xz-utils make jq rustc-web rust-web-src cargo-web
TEST_PKGS  := libunwind-dev cmake meson ninja-build musl-tools valgrind python3 libclang-rt-19-dev autoconf autotools-dev

NODEPS_GOALS := clean help uninstall distclean
ifneq ($(NODEPS),1)
ifneq ($(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
ifneq ($(filter check check-% bench fuzz fuzz-%,$(MAKECMDGOALS)),)
DEPS_WANTED := $(BUILD_PKGS) $(TEST_PKGS)
DEPS_WHAT := build and test redox-crt
else
DEPS_WANTED := $(BUILD_PKGS)
DEPS_WHAT := build redox-crt
endif
ifneq ($(shell sh mk/deps.sh '$(DEPS_WHAT)' $(DEPS_WANTED) >&2 && echo ok),ok)
$(error missing Debian packages, see the line above)
endif
# Sub-makes inherit the result.
export NODEPS := 1
endif
endif

ifeq ($(shell command -v $(CLANG) 2>/dev/null),)
ifneq ($(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
$(error $(CLANG) not found: redox-crt builds with Debian's clang-19; fix: apt-get install clang-19 lld-19 llvm-19)
endif
endif
