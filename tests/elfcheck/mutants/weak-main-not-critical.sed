# file: tools/redox-elfcheck/check.c
# why: an undefined weak main is not an error
/{ S_MAIN, "define main in the program" },/d
