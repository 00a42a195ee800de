# file: syscalls/gen.awk
# why: the generator passes the wrapper arguments in reverse order
/^			for (i = 1; i <= nargs\[k\]; i++)$/{N;s/for (i = 1; i <= nargs\[k\]; i++)\n\(\t*\)s = s ", (unsigned long)" argname\[k, i\]/for (i = nargs[k]; i >= 1; i--)\n\1s = s ", (unsigned long)" argname[k, i]/;}
