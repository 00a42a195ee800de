/* SPDX-License-Identifier: MIT */
int main(int argc, char **argv, char **envp);

int main(int argc, char **argv, char **envp)
{
	(void)argv;
	(void)envp;
	return argc == 1 ? 0 : 3;
}
