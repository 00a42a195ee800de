/* SPDX-License-Identifier: MIT */
long greet(const char *who, unsigned long len);

int main(void)
{
	return greet("meson", 5) ? 0 : 1;
}
