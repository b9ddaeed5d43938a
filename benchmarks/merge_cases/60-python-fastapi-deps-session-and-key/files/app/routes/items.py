from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from app.deps import current_user, get_db
from app.models import Item, User

router = APIRouter()


@router.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db), user: User = Depends(current_user)):
    item = db.get(Item, item_id)
    return item
