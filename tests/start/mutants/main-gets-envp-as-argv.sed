# file: start/start.c
# why: main is passed envp in place of argv
/^	exit(main(argc, argv, environ));$/s/main(argc, argv,/main(argc, envp,/
