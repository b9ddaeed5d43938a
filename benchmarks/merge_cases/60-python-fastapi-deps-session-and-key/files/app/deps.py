from fastapi import Depends, Header, HTTPException
from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.models import User


def get_db():
    db = SessionLocal()
    yield db
    db.close()


def current_user(x_api_key: str = Header(...), db: Session = Depends(get_db)) -> User:
    user = db.query(User).filter(User.api_key == x_api_key).first()
    if user is None:
        raise HTTPException(status_code=403, detail=f"unknown API key {x_api_key}")
    return user
