# Test suites that live under tests/<suite>/part.mk.
include $(wildcard tests/*/part.mk)

# Mutation testing (not part of make check): every part's planted bugs in
# tests/<part>/mutants/ must each make that part's suite fail.
#   make mutants [MUTANT_PARTS="start syscalls"] [MUTANT='glob']
.PHONY: mutants mutants-dry mutants-build
mutants:
	@MAKE='$(MAKE)' BUILD='$(BUILD)' MUTANT='$(or $(MUTANT),*)' sh tests/lib/mutants.sh $(MUTANT_PARTS)
# Only whether every mutant still applies to the tree (after a rebase).
mutants-dry:
	@MUTANTS_DRY=1 MAKE='$(MAKE)' BUILD='$(BUILD)' MUTANT='$(or $(MUTANT),*)' sh tests/lib/mutants.sh $(MUTANT_PARTS)
# Only whether every mutant builds and changes the code (no suite runs).
mutants-build:
	@MUTANTS_BUILD_ONLY=1 MAKE='$(MAKE)' BUILD='$(BUILD)' MUTANT='$(or $(MUTANT),*)' sh tests/lib/mutants.sh $(MUTANT_PARTS)
