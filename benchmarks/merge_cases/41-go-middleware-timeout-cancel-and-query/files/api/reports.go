package api

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

type Reports struct{ DB *sql.DB }

func (h *Reports) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rows, err := h.DB.Query("SELECT id, title FROM reports WHERE owner = '" + r.URL.Query().Get("owner") + "'")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var out []map[string]any
	for rows.Next() {
		var id int
		var title string
		rows.Scan(&id, &title)
		out = append(out, map[string]any{"id": id, "title": title})
	}
	json.NewEncoder(w).Encode(out)
}
