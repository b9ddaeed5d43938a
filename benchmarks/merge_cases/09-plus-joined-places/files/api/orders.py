from api.auth import current_user
from api.db import cancel_order, get_order


def show_order(request, order_id):
    me = current_user(request)
    if me is None:
        return 401, {}
    return 200, get_order(order_id)


def cancel(request, order_id):
    me = current_user(request)
    if me is None:
        return 401, {}
    cancel_order(order_id)
    return 204, {}
