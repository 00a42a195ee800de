# SPDX-License-Identifier: MIT
# check-docs: every "<name>.md §N" citation, docs/<name>.md mention and
# Markdown link to a .md file in the tree resolves to a file and a section
# that exist (tests/docs/run.sh); planted bad citations must be reported.
CHECK_SUITES += docs
.PHONY: check-docs
check-docs:
	@sh tests/docs/run.sh
