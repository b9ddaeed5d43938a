#include <stdlib.h>
#include <string.h>
#include "user.h"

struct user *user_new(const char *name, const char *email)
{
    struct user *u = malloc(sizeof *u);
    if (u == NULL)
        return NULL;
    strcpy(u->name, name);
    u->email = strdup(email);
    if (u->email == NULL)
        return NULL;
    u->logins = 0;
    return u;
}

void user_free(struct user *u)
{
    free(u->email);
    free(u);
}

int user_set_name(struct user *u, const char *name)
{
    size_t n = strlen(name);
    if (n >= sizeof u->name)
        return -1;
    memcpy(u->name, name, n);
    return 0;
}
