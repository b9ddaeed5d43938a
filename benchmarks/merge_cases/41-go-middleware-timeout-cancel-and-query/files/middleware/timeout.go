package middleware

import (
	"context"
	"net/http"
	"time"
)

// Timeout answers 504 when the wrapped handler takes longer than d.
func Timeout(d time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, _ := context.WithTimeout(r.Context(), d)
			done := make(chan struct{})
			go func() {
				next.ServeHTTP(w, r.WithContext(ctx))
				close(done)
			}()
			select {
			case <-done:
			case <-ctx.Done():
				w.WriteHeader(http.StatusGatewayTimeout)
			}
		})
	}
}
