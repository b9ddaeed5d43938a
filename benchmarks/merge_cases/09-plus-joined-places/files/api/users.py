from api.auth import current_user
from api.db import get_user, update_user


def show_user(request, user_id):
    me = current_user(request)
    if me is None:
        return 401, {}
    return 200, get_user(user_id)


def edit_user(request, user_id):
    me = current_user(request)
    if me is None:
        return 401, {}
    data = request.json()
    update_user(user_id, data)
    return 200, get_user(user_id)


def user_name(user):
    return user["first"] + " " + user["last"]
