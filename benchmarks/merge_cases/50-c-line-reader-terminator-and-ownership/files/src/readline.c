#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readline.h"

char *read_line(FILE *fp)
{
    size_t cap = 64, len = 0;
    char *buf = malloc(cap);
    int c;

    while ((c = fgetc(fp)) != EOF && c != '\n') {
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        buf[len++] = c;
    }
    if (len == 0 && c == EOF)
        return NULL;
    buf[len] = '\0';
    return buf;
}
