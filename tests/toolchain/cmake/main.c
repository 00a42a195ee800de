/* SPDX-License-Identifier: MIT */
long greet(const char *who, unsigned long len);

int main(void)
{
	return greet("CMake", 5) ? 5 : 1;
}
