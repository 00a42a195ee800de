/* SPDX-License-Identifier: MIT */
/* The empty program whose start-up and exit cost the benchmark measures. */
int main(void)
{
	return 0;
}
