/* embed - writes a C array for a data file, so the defaults in config/
 * are compiled into casewalk and it runs with nothing installed.
 * usage: embed NAME FILE > out.c */
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: embed NAME FILE\n");
		return 2;
	}
	FILE *f = fopen(argv[2], "rb");
	if (!f) {
		perror(argv[2]);
		return 1;
	}
	printf("/* generated from %s by tools/embed; do not edit */\n"
	       "#include <stddef.h>\nconst char %s[] = {\n", argv[2], argv[1]);
	int c;
	size_t n = 0;
	while ((c = getc(f)) != EOF)
		printf("%d,%s", c, (++n % 20) ? "" : "\n");
	printf("0};\nconst size_t %s_len = %zu;\n", argv[1], n);
	fclose(f);
	return ferror(stdout) ? 1 : 0;
}
