# make check: build everything, then run each registered suite and total
# their results. A suite that fails does not stop the others.
.PHONY: check
check: all
	@sh tests/lib/run-suites.sh $(CHECK_SUITES)
