# Test suites that live under tests/<suite>/part.mk.
include $(wildcard tests/*/part.mk)
