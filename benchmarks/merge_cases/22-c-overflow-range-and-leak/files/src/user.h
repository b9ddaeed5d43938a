#ifndef USER_H
#define USER_H

struct user {
    char name[32];
    char *email;
    int logins;
};

struct user *user_new(const char *name, const char *email);
void user_free(struct user *u);
int user_set_name(struct user *u, const char *name);

#endif
