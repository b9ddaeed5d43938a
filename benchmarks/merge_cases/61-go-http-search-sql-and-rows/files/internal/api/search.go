package api

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
)

type Handler struct {
	DB *sql.DB
}

func (h *Handler) SearchUsers(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	sort := r.URL.Query().Get("sort")
	q := fmt.Sprintf("SELECT id, email FROM users WHERE name LIKE '%%%s%%' ORDER BY %s", name, sort)
	rows, err := h.DB.Query(q)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Email)
		out = append(out, u)
	}
	json.NewEncoder(w).Encode(out)
}
