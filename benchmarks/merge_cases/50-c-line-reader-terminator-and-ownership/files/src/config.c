#include <stdio.h>
#include <string.h>

#include "config.h"
#include "readline.h"

int load_config(const char *path, struct config *cfg)
{
    FILE *fp = fopen(path, "r");
    char *line;

    while ((line = read_line(fp)) != NULL) {
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = '\0';
        config_set(cfg, line, eq + 1);
    }
    fclose(fp);
    return 0;
}
